/**
 * Every rule about job and export statuses, in one place: what each status is
 * called and how it looks, which ones are final (polling stops), which allow a
 * deletion, an export or a tag change, and the lifecycle order the list sorts
 * by. Components and queries ask these functions; none compares statuses itself.
 */
import type { AudienceExportJobStatus, AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";

export type StatusTone = "neutral" | "progress" | "success" | "danger";

interface JobStatusFacts {
  label: string;
  tone: StatusTone;
  /** Final statuses do not change by themselves: polling stops. */
  final: boolean;
  /** The service deletes a job only once it has finished (or a deletion has failed). */
  deletable: boolean;
  /** A status of the deletion lifecycle (DELETE_*). */
  deletion: boolean;
  explanation: string;
}

/** Display facts and rules of each status, in lifecycle order: waiting, running, done, failed, then deletion. */
export const JOB_STATUS: Record<AudienceGenerationJobStatus, JobStatusFacts> = {
  CREATE_PENDING: {
    label: "Pending",
    tone: "neutral",
    final: false,
    deletable: false,
    deletion: false,
    explanation: "The service accepted the job and will start reading the seed audience shortly.",
  },
  CREATE_IN_PROGRESS: {
    label: "Generating",
    tone: "progress",
    final: false,
    deletable: false,
    deletion: false,
    explanation:
      "The seed audience is being matched and the lookalike segment scored. This page updates by itself.",
  },
  ACTIVE: {
    label: "Active",
    tone: "success",
    final: true,
    deletable: true,
    deletion: false,
    explanation: "The audience is ready: read its relevance below and export the size you want.",
  },
  CREATE_FAILED: {
    label: "Failed",
    tone: "danger",
    final: true,
    deletable: true,
    deletion: false,
    explanation:
      "The job did not produce an audience. The reason is below; fix it and start a similar job.",
  },
  DELETE_PENDING: {
    label: "Deleting",
    tone: "neutral",
    final: false,
    deletable: false,
    deletion: true,
    explanation: "Deletion was requested; the job will be removed shortly.",
  },
  DELETE_IN_PROGRESS: {
    label: "Deleting",
    tone: "progress",
    final: false,
    deletable: false,
    deletion: true,
    explanation: "The job and its generated audience are being removed.",
  },
  DELETE_FAILED: {
    label: "Delete failed",
    tone: "danger",
    final: true,
    deletable: true,
    deletion: true,
    explanation: "The service could not delete the job. You can try deleting it again.",
  },
};

/** The statuses in lifecycle order (the order of {@link JOB_STATUS}). */
export const JOB_STATUS_ORDER = Object.keys(JOB_STATUS) as AudienceGenerationJobStatus[];

/** The facts of a status; a status this dashboard does not know yet is shown as the service names it. */
export function jobStatusFacts(status: AudienceGenerationJobStatus): JobStatusFacts {
  return (
    JOB_STATUS[status] ?? {
      label: status,
      tone: "neutral",
      final: true,
      deletable: false,
      deletion: false,
      explanation: `The service reports ${status}.`,
    }
  );
}

function isFinalStatus(status: AudienceGenerationJobStatus): boolean {
  return jobStatusFacts(status).final;
}

/** In flight: the status will change by itself, so whoever shows it polls. */
export function isInFlight(status: AudienceGenerationJobStatus): boolean {
  return !isFinalStatus(status);
}

export function isFailedStatus(status: AudienceGenerationJobStatus): boolean {
  return jobStatusFacts(status).tone === "danger";
}

/** A DELETE_* status: the job is on its way out (or its deletion failed). */
export function isDeletionStatus(status: AudienceGenerationJobStatus): boolean {
  return jobStatusFacts(status).deletion;
}

export function canDelete(status: AudienceGenerationJobStatus): boolean {
  return jobStatusFacts(status).deletable;
}

/**
 * Being deleted: the service says so, or this page asked for a deletion the
 * service accepted and has not (yet) reported a failure of.
 */
export function isBeingDeleted(
  status: AudienceGenerationJobStatus,
  deleteRequested: boolean,
): boolean {
  return (
    (isDeletionStatus(status) && isInFlight(status)) ||
    (deleteRequested && status !== "DELETE_FAILED")
  );
}

/** Tags can change while the job is neither being deleted nor in a deletion status. */
export function canEditTags(
  status: AudienceGenerationJobStatus,
  deleteRequested: boolean,
): boolean {
  return !isDeletionStatus(status) && !isBeingDeleted(status, deleteRequested);
}

/** The audience is ready: the job finished and is not being deleted, so it can be exported. */
export function isReady(status: AudienceGenerationJobStatus): boolean {
  return status === "ACTIVE";
}

/** Still being created: the job has not finished (nor started being deleted). */
export function isBeingCreated(status: AudienceGenerationJobStatus): boolean {
  return isInFlight(status) && !isDeletionStatus(status);
}

/** The job failed to be created (not a failed deletion). */
export function isCreateFailed(status: AudienceGenerationJobStatus): boolean {
  return isFailedStatus(status) && !isDeletionStatus(status);
}

/** Finished with an audience: ACTIVE, or a deletion that failed (the audience is still there). */
export function hasFinishedAudience(status: AudienceGenerationJobStatus): boolean {
  return !isInFlight(status) && !isCreateFailed(status);
}

/** Jobs that can have export jobs to list (the others never finished, so none exist). */
export function mayHaveExports(status: AudienceGenerationJobStatus): boolean {
  return isReady(status) || isDeletionStatus(status);
}

/** Position in the lifecycle, for sorting; unknown statuses last. */
export function statusRank(status: AudienceGenerationJobStatus): number {
  const i = JOB_STATUS_ORDER.indexOf(status);
  return i === -1 ? JOB_STATUS_ORDER.length : i;
}

/** Export statuses in plain words. */
const EXPORT_STATUS: Record<
  AudienceExportJobStatus,
  { label: string; tone: StatusTone; final: boolean }
> = {
  CREATE_PENDING: { label: "Pending", tone: "neutral", final: false },
  CREATE_IN_PROGRESS: { label: "Exporting", tone: "progress", final: false },
  ACTIVE: { label: "Ready", tone: "success", final: true },
  CREATE_FAILED: { label: "Failed", tone: "danger", final: true },
};

export function exportStatusFacts(status: AudienceExportJobStatus) {
  return EXPORT_STATUS[status] ?? { label: status, tone: "neutral" as const, final: true };
}

export function isExportInFlight(status: AudienceExportJobStatus): boolean {
  return !exportStatusFacts(status).final;
}

export function isExportFailed(status: AudienceExportJobStatus): boolean {
  return exportStatusFacts(status).tone === "danger";
}
