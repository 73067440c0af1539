/**
 * What a schedule sends when it fires: EventBridge Scheduler's universal
 * target for Clean Rooms ML's StartAudienceGenerationJob, with the job's
 * request as the target's `Input` (docs/ARCHITECTURE.md, "Schedules").
 *
 * The Input is the JSON body a direct start from the form sends, byte for
 * byte once its members are named as the API names them (the same request,
 * `startRequestFor`, serialized by the same restJson1 code,
 * `serializeRequest`; a universal target names members in PascalCase), with
 * two differences only: the job's
 * name is `<base>-<aws.scheduler.scheduled-time>` (the scheduler puts the due
 * time in, so each run's name is new: job names are unique per account), and
 * the tags carry `dashboard:schedule` = the schedule's name, which ties each
 * run to its schedule.
 */
import { StartAudienceGenerationJobCommand } from "@/lib/cleanrooms-ml/commands";
import { parseEndpoint, serializeRequest } from "@/lib/cleanrooms-ml/protocol";
import type { StartAudienceGenerationJobCommandInput } from "@/lib/cleanrooms-ml/types";
import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";
import { runNameTemplate } from "@/lib/schemas/run-name";
import { startRequestFor, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";

import { fromUniversalMembers, toUniversalMembers } from "./universal-target";

// The body is the same whatever the host: only the path and headers depend on it.
const ANY_ENDPOINT = parseEndpoint("https://cleanrooms-ml.us-east-1.amazonaws.com");

/** The JSON body a StartAudienceGenerationJob request is sent as. */
export function startJobBody(request: StartAudienceGenerationJobCommandInput): string {
  const command = new StartAudienceGenerationJobCommand(request);
  return String(serializeRequest(command.operation, request, ANY_ENDPOINT).body);
}

/** What the dashboard puts in a schedule's target besides the role. */
export interface ScheduleJob {
  /** The new-job form's values; their name is replaced by the run name. */
  job: StartJobFormValues;
  baseName: string;
  scheduleName: string;
  /** The person writing the schedule (recorded as each run's starter), if signed in. */
  identity: string | undefined;
}

/** The request each run sends, with the context attribute still in its name. */
export function scheduledStartRequest({
  job,
  baseName,
  scheduleName,
  identity,
}: ScheduleJob): StartAudienceGenerationJobCommandInput {
  // The schema checked the model's unions (exactly one member set), which its inferred type cannot say.
  const request = startRequestFor(
    { ...job, name: runNameTemplate(baseName) },
    identity,
  ) as StartAudienceGenerationJobCommandInput;
  request.tags = { ...request.tags, [SCHEDULE_TAG]: scheduleName };
  return request;
}

/**
 * The target's `Input`: the job's request as a direct start's JSON body,
 * its members named as a universal target names them (PascalCase,
 * `./universal-target`): the same values in the same order.
 */
export function targetInput(schedule: ScheduleJob): string {
  return JSON.stringify(
    toUniversalMembers(JSON.parse(startJobBody(scheduledStartRequest(schedule)))),
  );
}

/**
 * The job request a target's Input holds, or undefined when it is not JSON
 * of a job request (a schedule written by hand).
 */
export function requestFromInput(
  input: string | undefined,
): StartAudienceGenerationJobCommandInput | undefined {
  if (!input) return undefined;
  try {
    const parsed: unknown = fromUniversalMembers(JSON.parse(input));
    if (
      parsed &&
      typeof parsed === "object" &&
      typeof (parsed as { name?: unknown }).name === "string" &&
      typeof (parsed as { configuredAudienceModelArn?: unknown }).configuredAudienceModelArn ===
        "string"
    )
      return parsed as StartAudienceGenerationJobCommandInput;
  } catch {
    // Not JSON: not ours to read.
  }
  return undefined;
}
