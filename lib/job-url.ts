import { AUDIENCE_GENERATION_JOB_ARN_PATTERN } from "@/lib/schemas/api";

/**
 * A job's page is `/jobs/<region>/<account>/<job id>`: readable, and enough
 * to rebuild the job's ARN in any teammate's browser with nothing else shared.
 */
const ARN_PARTS =
  /^arn:(aws[-a-z]*):cleanrooms-ml:([-a-z0-9]+):([0-9]{12}):audience-generation-job\/(.+)$/;

export function jobPath(jobArn: string): string {
  const match = ARN_PARTS.exec(jobArn);
  if (!match) throw new Error(`Not an audience generation job ARN: ${jobArn}`);
  const [, , region, account, id] = match;
  return `/jobs/${region}/${account}/${id!.split("/").map(encodeURIComponent).join("/")}`;
}

function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** The job ARN a page's route segments name, or undefined when they cannot name one. */
export function jobArnFromPath(region: string, account: string, id: string[]): string | undefined {
  const decoded = id.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return "\u0000";
    }
  });
  const arn = `arn:${partitionOf(region)}:cleanrooms-ml:${region}:${account}:audience-generation-job/${decoded.join("/")}`;
  return AUDIENCE_GENERATION_JOB_ARN_PATTERN.test(arn) ? arn : undefined;
}
