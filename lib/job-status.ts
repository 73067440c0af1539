import type { AudienceExportJobStatus, AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";

/** Display facts of each status: plain data, one place. */
export const JOB_STATUS: Record<
  AudienceGenerationJobStatus,
  {
    label: string;
    tone: "neutral" | "progress" | "success" | "danger";
    final: boolean;
    explanation: string;
  }
> = {
  CREATE_PENDING: {
    label: "Pending",
    tone: "neutral",
    final: false,
    explanation: "The service accepted the job and will start reading the seed audience shortly.",
  },
  CREATE_IN_PROGRESS: {
    label: "Generating",
    tone: "progress",
    final: false,
    explanation:
      "The seed audience is being matched and the lookalike segment scored. This page updates by itself.",
  },
  ACTIVE: {
    label: "Active",
    tone: "success",
    final: true,
    explanation: "The audience is ready: read its relevance below and export the size you want.",
  },
  CREATE_FAILED: {
    label: "Failed",
    tone: "danger",
    final: true,
    explanation:
      "The job did not produce an audience. The reason is below; fix it and start a similar job.",
  },
  DELETE_PENDING: {
    label: "Deleting",
    tone: "neutral",
    final: false,
    explanation: "Deletion was requested; the job will be removed shortly.",
  },
  DELETE_IN_PROGRESS: {
    label: "Deleting",
    tone: "progress",
    final: false,
    explanation: "The job and its generated audience are being removed.",
  },
  DELETE_FAILED: {
    label: "Delete failed",
    tone: "danger",
    final: true,
    explanation: "The service could not delete the job. You can try deleting it again.",
  },
};

export function isFinalStatus(status: AudienceGenerationJobStatus): boolean {
  return JOB_STATUS[status]?.final ?? true;
}

const EXPORT_IN_FLIGHT: ReadonlySet<AudienceExportJobStatus> = new Set([
  "CREATE_PENDING",
  "CREATE_IN_PROGRESS",
]);

/** True while an export job is still being written (CREATE_PENDING, CREATE_IN_PROGRESS). */
export function isExportInFlight(status: AudienceExportJobStatus): boolean {
  return EXPORT_IN_FLIGHT.has(status);
}
