/**
 * The export form's values without zod: their type, the sizes a job can be
 * exported at, the suggested name and the StartAudienceExportJob request the
 * values make. The job page imports this module and loads the rules
 * (`./export-form`, which re-exports this one) on the form's first check: with
 * zod at load the job page's JavaScript measured 2.66× the empty app, over its
 * 2.4× budget (docs/ARCHITECTURE.md, "Page weight").
 */
import type { AudienceSizeType } from "@/lib/cleanrooms-ml";
import { sizeLabel } from "@/lib/format";

import type { StartAudienceExportJobRequest } from "./api";
import { NAME_MAX_LENGTH } from "./limits";

export interface ExportFormValues {
  /** The chosen size's key (`sizeOptionKey`), empty until one is chosen. */
  size: string;
  name: string;
}

export interface SizeOption {
  type: AudienceSizeType;
  value: number;
}

/** The sizes a job can be exported at, smallest first: the model's bins, else the sizes the job was scored at. */
export function sizeOptions(
  model:
    | { audienceSizeConfig?: { audienceSizeType: AudienceSizeType; audienceSizeBins: number[] } }
    | undefined,
  metrics: { relevanceMetrics: { audienceSize: SizeOption }[] } | undefined,
): SizeOption[] {
  const config = model?.audienceSizeConfig;
  const options = config
    ? config.audienceSizeBins.map((value) => ({ type: config.audienceSizeType, value }))
    : (metrics?.relevanceMetrics ?? []).map((m) => m.audienceSize);
  const unique = new Map(options.map((o) => [`${o.type}:${o.value}`, o]));
  return [...unique.values()].sort((a, b) => a.value - b.value);
}

export const sizeOptionKey = (o: SizeOption) => `${o.type}:${o.value}`;

export function sizeOptionLabel(o: SizeOption): string {
  return o.type === "PERCENTAGE" ? `${o.value}% of users` : `${sizeLabel(o)} users`;
}

/** A suggested export name: the job's name and the size, cut to the name limit. */
export function suggestedExportName(jobName: string, option: SizeOption | undefined): string {
  const suffix = option
    ? ` – ${option.type === "PERCENTAGE" ? `${option.value}%` : sizeLabel(option)}`
    : " – export";
  const chars = [...jobName];
  const room = NAME_MAX_LENGTH - [...suffix].length;
  return (chars.length > room ? chars.slice(0, room).join("").trimEnd() : jobName) + suffix;
}

export function toExportRequest(
  values: ExportFormValues,
  jobArn: string,
): StartAudienceExportJobRequest {
  const [type, value] = values.size.split(":");
  const request: StartAudienceExportJobRequest = {
    name: values.name,
    audienceGenerationJobArn: jobArn,
    audienceSize: { type: type as AudienceSizeType, value: Number(value) },
  };
  return request;
}
