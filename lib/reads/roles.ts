import "server-only";

import { paginateListRoles } from "@aws-sdk/client-iam";

import { iam } from "@/lib/aws-clients";
import { JOBS_PAGE_SIZE } from "@/lib/jobs-page-size";
import { CLEANROOMS_ML_PRINCIPAL, trustsService } from "@/lib/trust-policy";

import { readCache, readScope, type CachedRead } from "./cache";
import { readJob, readJobsPage } from "./jobs";

/** How many of the newest jobs the role picker looks into for the roles they used. */
export const RECENT_JOBS_FOR_ROLES = 10;

export interface RoleData {
  arn: string;
  name: string;
  /** The role's path, such as `/` or `/service-role/`. */
  path: string;
  description?: string;
}

async function loadRolesTrusting(principal: string): Promise<RoleData[]> {
  const out: RoleData[] = [];
  for await (const page of paginateListRoles({ client: iam(), pageSize: 1000 }, {})) {
    for (const role of page.Roles ?? []) {
      if (!trustsService(role.AssumeRolePolicyDocument, principal)) continue;
      out.push({
        arn: role.Arn ?? "",
        name: role.RoleName ?? "",
        path: role.Path ?? "/",
        description: role.Description || undefined,
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The account's IAM roles that a service (`cleanrooms-ml.amazonaws.com`,
 * `scheduler.amazonaws.com`) may assume (ListRoles, every page, each trust
 * policy decoded), by name. Cached for minutes.
 */
export function readRolesTrusting(
  principal: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<RoleData[]>> {
  return readCache().read({
    operation: "ListRoles",
    input: { trusting: principal },
    scopes: [readScope.collaborations],
    load: () => loadRolesTrusting(principal),
    fresh: options.fresh,
  });
}

/** The account's IAM roles that Clean Rooms ML may assume, for the seed. */
export function readSeedRoles(options: { fresh?: boolean } = {}): Promise<CachedRead<RoleData[]>> {
  return readRolesTrusting(CLEANROOMS_ML_PRINCIPAL, options);
}

async function loadRecentRoles(): Promise<string[]> {
  // The list's own first page (shared with the jobs list's cache), then each
  // of the newest jobs (shared with their pages): only our jobs show a seed.
  const { data } = await readJobsPage({ maxResults: JOBS_PAGE_SIZE });
  const newest = [...data.audienceGenerationJobs]
    .sort((a, b) => Date.parse(b.createTime) - Date.parse(a.createTime))
    .slice(0, RECENT_JOBS_FOR_ROLES);
  const jobs = await Promise.all(
    newest.map((job) =>
      readJob(job.audienceGenerationJobArn).then(
        (read) => read.data,
        () => undefined,
      ),
    ),
  );
  const roles: string[] = [];
  for (const job of jobs) {
    const role = job?.seedAudience?.roleArn;
    if (role && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/**
 * The seed roles of the newest jobs the dashboard can see, newest first: what
 * the team used before. Dropped with the job list when a job is started here.
 */
export function readRecentRoles(options: { fresh?: boolean } = {}): Promise<CachedRead<string[]>> {
  return readCache().read({
    operation: "RecentSeedRoles",
    input: { jobs: RECENT_JOBS_FOR_ROLES },
    scopes: [readScope.jobsList],
    load: loadRecentRoles,
    fresh: options.fresh,
  });
}
