import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { watchTitle } from "@/lib/notifications";

/**
 * A job page's tab title from the server's first paint: the job's status and
 * name ("Generating · Spring lookalike"), worded as the watch's title
 * (`watchTitle`), which takes over in the browser when the status changes.
 */
export function jobTabTitle(job: {
  audienceGenerationJobArn: string;
  name: string;
  status: AudienceGenerationJobStatus;
}): string {
  const watched = [{ arn: job.audienceGenerationJobArn, name: job.name, status: job.status }];
  return watchTitle(watched, true, job.name) ?? job.name;
}
