/**
 * What a job's metrics mean, in plain words. Pure functions: the job page's
 * relevance section, its chart and its table, and the compare page, all read
 * from here.
 */
import type { AudienceGenerationJobStatus, AudienceSizeType } from "@/lib/cleanrooms-ml";
import { sizeLabel } from "@/lib/format";
import { hasFinishedAudience, isBeingCreated, isCreateFailed, isInFlight } from "@/lib/job-status";
import { formatScore } from "@/lib/relevance";

export interface RelevancePoint {
  type: AudienceSizeType;
  value: number;
  score: number | undefined;
}

/** The part of a job's `metrics` this page reads. */
export interface MetricsLike {
  relevanceMetrics: { audienceSize: { type: AudienceSizeType; value: number }; score?: number }[];
  recallMetric?: number;
}

/** The relevance scores, smallest audience first. */
export function relevancePoints(metrics: MetricsLike | undefined): RelevancePoint[] {
  return (metrics?.relevanceMetrics ?? [])
    .map((m) => ({ type: m.audienceSize.type, value: m.audienceSize.value, score: m.score }))
    .sort((a, b) => a.value - b.value);
}

/** The sizes' unit: all of one model's bins share it. */
export function sizeTypeOf(points: RelevancePoint[]): AudienceSizeType {
  return points[0]?.type ?? "ABSOLUTE";
}

/** The x axis title: what the sizes count. */
export function sizeAxisLabel(type: AudienceSizeType): string {
  return type === "PERCENTAGE" ? "Audience size (% of users)" : "Audience size (users)";
}

export { formatScore } from "@/lib/relevance";

/** Recall as a percentage, e.g. "42%" (the service gives a fraction from 0 to 1). */
export function formatRecall(recall: number): string {
  return `${(recall * 100).toFixed(recall >= 0.1 ? 0 : 1)}%`;
}

/** A short sentence of the relevance points, for the chart's aria-label. */
export function chartDescription(points: RelevancePoint[]): string {
  const parts = points.map(
    (p) => `${sizeLabel(p)}${p.type === "ABSOLUTE" ? " users" : ""}: ${formatScore(p.score)}`,
  );
  return `Line chart of relevance score by audience size, smallest size first, on a scale of 0 to 10. ${parts.join("; ")}.`;
}

/**
 * The share of all users the largest audience size covers, when the sizes are
 * percentages (absolute sizes give no share without the population's size).
 */
export function largestShare(
  points: RelevancePoint[],
  modelBins?: { type: AudienceSizeType; values: number[] },
) {
  const percentages = points.filter((p) => p.type === "PERCENTAGE").map((p) => p.value);
  if (percentages.length === 0 && modelBins?.type === "PERCENTAGE")
    percentages.push(...modelBins.values);
  return percentages.length > 0 ? Math.max(...percentages) / 100 : undefined;
}

interface NoMetricsReason {
  title: string;
  detail: string;
}

/** Why there is nothing to chart, or undefined when there are metrics to show. */
export function noMetricsReason(
  status: AudienceGenerationJobStatus,
  hasMetrics: boolean,
  model: { sharedAudienceMetrics?: string[]; readable?: boolean } | undefined,
): NoMetricsReason | undefined {
  if (hasMetrics) return undefined;
  if (isBeingCreated(status)) {
    return {
      title: "Not finished yet",
      detail:
        "Relevance scores and recall appear here as soon as the job finishes. This page updates by itself.",
    };
  }
  if (isCreateFailed(status)) {
    return {
      title: "The job failed",
      detail:
        "A failed job produces no audience, so there is nothing to score. The reason is shown under the status above.",
    };
  }
  // A partner's model (docs/ARCHITECTURE.md, "Two accounts"): a finished job without metrics
  // is the owner's choice, though the model itself cannot be read to say so.
  if (
    model?.sharedAudienceMetrics?.includes("NONE") ||
    (model?.readable === false && hasFinishedAudience(status))
  ) {
    return {
      title: "The model's owner does not share metrics",
      detail:
        "The configured audience model is set not to share audience metrics, so the service returns no relevance scores or recall for its jobs. The audience itself is complete and can be exported.",
    };
  }
  // Finished (ACTIVE, or a deletion that failed): the service simply gave none.
  if (!isInFlight(status)) {
    return {
      title: "No metrics from the service",
      detail: model
        ? "The service returned no metrics for this job."
        : "The service returned no metrics for this job. This happens when the configured model's owner does not share metrics with your account.",
    };
  }
  return {
    title: "No metrics",
    detail: "The job is being deleted and the service returned no metrics for it.",
  };
}
