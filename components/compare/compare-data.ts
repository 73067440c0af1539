/**
 * What the comparison shows, worked out from the jobs as read (pure, no
 * React): each job's row for the table, and one chart panel per kind of
 * audience size, so absolute and percentage sizes never share an axis.
 */
import type { AudienceSizeType } from "@/lib/cleanrooms-ml";
import { sizeLabel } from "@/lib/format";
import { largestShare, relevancePoints, sizeTypeOf, type RelevancePoint } from "@/lib/metrics";
import type { JobData } from "@/lib/reads/jobs";
import type { ConfiguredModelData } from "@/lib/reads/models";
import { jobVerdict, type Verdict } from "@/lib/relevance";

/** One colour per job, in the link's order (at most `COMPARE_MAX`), told apart on one chart. */
export const JOB_COLORS = ["#4f46e5", "#0891b2", "#d97706", "#db2777", "#16a34a", "#7c3aed"];

export interface ComparedJob {
  arn: string;
  job: JobData;
  model: ConfiguredModelData | undefined;
  color: string;
}

/** Where the job's seed came from, in a few words. */
export function seedSource(job: JobData): string {
  const seed = job.seedAudience;
  if (!seed) return "Not shown to your account";
  if (seed.dataSource) return seed.dataSource.s3Uri;
  if (seed.sqlParameters?.analysisTemplateArn) {
    return `Analysis template ${seed.sqlParameters.analysisTemplateArn.split("/").pop() ?? ""}`;
  }
  return "SQL query";
}

export interface CompareRow extends ComparedJob {
  points: RelevancePoint[];
  recall: number | undefined;
  verdict: Verdict | undefined;
}

export function compareRow(compared: ComparedJob): CompareRow {
  const { job, model } = compared;
  const points = relevancePoints(job.metrics);
  const bins = model?.audienceSizeConfig
    ? {
        type: model.audienceSizeConfig.audienceSizeType,
        values: model.audienceSizeConfig.audienceSizeBins,
      }
    : undefined;
  const recall = job.metrics?.recallMetric;
  return {
    ...compared,
    points,
    recall,
    verdict:
      points.length > 0
        ? jobVerdict(recall, largestShare(points, bins), points)?.verdict
        : undefined,
  };
}

export interface ComparePanel {
  type: AudienceSizeType;
  /** One row per size any job of this kind has, smallest first: `size` (its label) and each job's score by series key. */
  data: Record<string, string | number | null>[];
  series: { key: string; label: string; color: string }[];
  /** The jobs charted, for the chart's description. */
  rows: CompareRow[];
}

/**
 * One panel per size kind (users, % of users), in the order the kinds first
 * appear; only jobs with relevance scores are charted. A job without a score
 * at one of the panel's sizes has no point there.
 */
export function comparePanels(rows: readonly CompareRow[]): ComparePanel[] {
  const kinds: AudienceSizeType[] = [];
  for (const row of rows) {
    if (row.points.length === 0) continue;
    const type = sizeTypeOf(row.points);
    if (!kinds.includes(type)) kinds.push(type);
  }
  return kinds.map((type) => {
    const charted = rows.filter((row) => row.points.length > 0 && sizeTypeOf(row.points) === type);
    const sizes = [...new Set(charted.flatMap((row) => row.points.map((p) => p.value)))].sort(
      (a, b) => a - b,
    );
    const key = (index: number) => `job${index}`;
    const data = sizes.map((value) => {
      const entry: Record<string, string | number | null> = { size: sizeLabel({ type, value }) };
      charted.forEach((row, index) => {
        entry[key(index)] = row.points.find((p) => p.value === value)?.score ?? null;
      });
      return entry;
    });
    return {
      type,
      data,
      series: charted.map((row, index) => ({
        key: key(index),
        label: row.job.name,
        color: row.color,
      })),
      rows: charted,
    };
  });
}
