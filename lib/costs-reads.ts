import "server-only";

import { crpuPrice } from "@/lib/config";
import { DEFAULT_WORKER, seedKeyOf, type CostRecord, type CrpuPrice } from "@/lib/costs";
import { readProtectedQuery } from "@/lib/reads/collaborations";
import { mapAtMost, readEveryJob } from "@/lib/reads/every-job";
import type { JobData } from "@/lib/reads/jobs";

/** Everything the cost views need: each billed run, the configured price, and what could not be read. */
export interface CostHistory {
  records: CostRecord[];
  price: CrpuPrice | null;
  /** Jobs with a SQL or template seed whose protected query could not be read (a missing permission). */
  unreadable: number;
}

const accountOf = (arn: string) => arn.split(":")[4];

/** A job whose seed ran as a protected query in our account (not another member's job on our model). */
function ranOurQuery(job: JobData): boolean {
  return Boolean(
    job.seedAudience?.sqlParameters &&
    job.protectedQueryIdentifier &&
    job.collaborationId &&
    (job.startedBy === undefined || job.startedBy === accountOf(job.audienceGenerationJobArn)),
  );
}

/**
 * Every SQL and template seed run of the account with what AWS Clean Rooms
 * billed for it (GetProtectedQuery's `billedResourceUtilization.units`), read
 * through the cached job and protected query reads. A run still going has no
 * billed figure yet and is left out.
 */
export async function readCostHistory(): Promise<CostHistory> {
  const jobs = (await readEveryJob()).filter(ranOurQuery);
  let unreadable = 0;
  const records = await mapAtMost(jobs, 6, async (job): Promise<CostRecord | undefined> => {
    const query = await readProtectedQuery(
      job.collaborationId!,
      job.protectedQueryIdentifier!,
    ).then(
      (read) => read.data,
      () => {
        unreadable += 1;
        return undefined;
      },
    );
    const units = query?.statistics?.billedUnits;
    if (units === undefined) return undefined;
    const sql = job.seedAudience?.sqlParameters;
    const worker = job.seedAudience?.sqlComputeConfiguration?.worker;
    return {
      jobArn: job.audienceGenerationJobArn,
      jobName: job.name,
      createTime: job.createTime,
      seedKey: seedKeyOf(sql) ?? "",
      worker: {
        type: worker?.type ?? DEFAULT_WORKER.type,
        number: worker?.number ?? DEFAULT_WORKER.number,
      },
      crpuHours: units,
      durationMs: query?.statistics?.totalDurationInMillis,
      tags: job.tags ?? {},
    };
  });
  return {
    records: records.filter((r): r is CostRecord => r !== undefined),
    price: crpuPrice() ?? null,
    unreadable,
  };
}
