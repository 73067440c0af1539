import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type {
  AnalysisTemplateData,
  AnalysisTemplateSummaryData,
  CollaborationData,
  MembershipData,
  ProtectedQueryData,
} from "@/lib/reads/collaborations";
import type { RoleData } from "@/lib/reads/roles";

/**
 * Query options of the AWS Clean Rooms and IAM reads behind the pickers and
 * the names shown for IDs. Collaborations, members, templates and roles
 * change rarely: kept for minutes, fetched once per collaboration (not per
 * row), and asked once more at most when they fail (a picker then falls back
 * to typing).
 */
const FEW_MINUTES = 5 * 60_000;
const once = { staleTime: FEW_MINUTES, gcTime: 30 * 60_000, retry: 1 } as const;

export const membershipsQuery = () =>
  queryOptions({
    queryKey: ["memberships"],
    queryFn: ({ signal }) => fetchJson<MembershipData[]>("/api/collaborations", { signal }),
    ...once,
  });

export const collaborationQuery = (id: string) =>
  queryOptions({
    queryKey: ["collaboration", id],
    queryFn: ({ signal }) =>
      fetchJson<CollaborationData>(`/api/collaboration?id=${encodeURIComponent(id)}`, { signal }),
    ...once,
  });

export const analysisTemplatesQuery = (collaborationId: string) =>
  queryOptions({
    queryKey: ["analysis-templates", collaborationId],
    queryFn: ({ signal }) =>
      fetchJson<AnalysisTemplateSummaryData[]>(
        `/api/analysis-templates?collaborationId=${encodeURIComponent(collaborationId)}`,
        { signal },
      ),
    ...once,
  });

export const analysisTemplateQuery = (collaborationId: string, arn: string) =>
  queryOptions({
    queryKey: ["analysis-template", collaborationId, arn],
    queryFn: ({ signal }) =>
      fetchJson<AnalysisTemplateData>(
        `/api/analysis-template?collaborationId=${encodeURIComponent(collaborationId)}&arn=${encodeURIComponent(arn)}`,
        { signal },
      ),
    ...once,
  });

/** The protected query behind a job: polled like the job while it runs. */
export const protectedQueryQuery = (collaborationId: string, id: string) =>
  queryOptions({
    queryKey: ["protected-query", collaborationId, id],
    queryFn: ({ signal }) =>
      fetchJson<ProtectedQueryData>(
        `/api/protected-query?collaborationId=${encodeURIComponent(collaborationId)}&id=${encodeURIComponent(id)}`,
        { signal },
      ),
    retry: 1,
  });

export const seedRolesQuery = () =>
  queryOptions({
    queryKey: ["seed-roles"],
    queryFn: ({ signal }) => fetchJson<RoleData[]>("/api/roles", { signal }),
    ...once,
  });

export const recentRolesQuery = () =>
  queryOptions({
    queryKey: ["recent-roles"],
    queryFn: ({ signal }) => fetchJson<string[]>("/api/recent-roles", { signal }),
    staleTime: 10_000,
    retry: 1,
  });
