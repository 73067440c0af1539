/**
 * Resource policies on configured audience models, evaluated as IAM does for
 * a cross-account call (docs/ARCHITECTURE.md, "Two accounts"): a call from
 * another account is allowed only when a statement allows its principal
 * account, action and resource (with `*` and `?` wildcards) under its
 * conditions (`cleanrooms-ml:CollaborationId`), and no statement denies it.
 *
 * `managedPolicy` is the policy AWS Clean Rooms writes on a configured
 * audience model associated with a collaboration (`manageResourcePolicies`):
 * the member may start jobs on the model, in that collaboration only.
 */
import { REGION } from "./identity";

export const COLLABORATION_ID_KEY = "cleanrooms-ml:CollaborationId";

export interface PolicyRequest {
  /** The calling account. */
  account: string;
  /** `cleanrooms-ml:StartAudienceGenerationJob` */
  action: string;
  resource: string;
  /** Condition keys with the request's values. */
  context: Record<string, string | undefined>;
}

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

const list = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];

function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/** The accounts a principal names: `"*"`, an account ID or `arn:aws:iam::<account>:root`. */
function principalMatches(principal: unknown, account: string): boolean {
  if (principal === "*") return true;
  const aws =
    typeof principal === "object" && principal !== null && "AWS" in principal
      ? list((principal as { AWS: unknown }).AWS)
      : [];
  return aws.some(
    (p) => p === "*" || p === account || new RegExp(`^arn:aws:iam::${account}:`).test(p),
  );
}

const OPERATORS: Record<string, (given: string, wanted: string) => boolean> = {
  StringEquals: (given, wanted) => given === wanted,
  StringLike: (given, wanted) => wildcard(wanted).test(given),
};

function conditionsHold(condition: unknown, context: PolicyRequest["context"]): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== "object" || condition === null) return false;
  return Object.entries(condition).every(([operator, keys]) => {
    const test = OPERATORS[operator];
    if (!test || typeof keys !== "object" || keys === null) return false;
    return Object.entries(keys).every(([key, wanted]) => {
      const given = context[key];
      return given !== undefined && list(wanted).some((w) => test(given, w));
    });
  });
}

function statementsOf(policy: string): Statement[] {
  try {
    const parsed = JSON.parse(policy) as { Statement?: unknown };
    const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return statements.filter((s): s is Statement => typeof s === "object" && s !== null);
  } catch {
    return [];
  }
}

function applies(statement: Statement, request: PolicyRequest): boolean {
  return (
    principalMatches(statement.Principal, request.account) &&
    list(statement.Action).some((a) => wildcard(a).test(request.action)) &&
    list(statement.Resource).some((r) => wildcard(r).test(request.resource)) &&
    conditionsHold(statement.Condition, request.context)
  );
}

/** True when the policy allows the request and no statement of it denies it. */
export function policyAllows(policy: string | undefined, request: PolicyRequest): boolean {
  if (policy === undefined) return false;
  const statements = statementsOf(policy).filter((s) => applies(s, request));
  return (
    statements.some((s) => s.Effect === "Allow") && !statements.some((s) => s.Effect === "Deny")
  );
}

/** Why a policy text cannot be stored, or undefined when it is a policy document. */
export function policyProblem(policy: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    return "configuredAudienceModelPolicy: must be a JSON policy document";
  }
  const statement = (parsed as { Statement?: unknown } | null)?.Statement;
  if (statement === undefined || (typeof statement !== "object" && !Array.isArray(statement))) {
    return "configuredAudienceModelPolicy: the policy document has no Statement";
  }
  return undefined;
}

/** The policy AWS Clean Rooms manages on a model associated with a collaboration. */
export function managedPolicy(
  modelArn: string,
  ownerAccount: string,
  memberAccounts: readonly string[],
  collaborationId: string,
): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CleanRoomsCollaborationMembers",
        Effect: "Allow",
        Principal: { AWS: memberAccounts.map((a) => `arn:aws:iam::${a}:root`) },
        Action: "cleanrooms-ml:StartAudienceGenerationJob",
        Resource: [
          modelArn,
          `arn:aws:cleanrooms-ml:${REGION}:${ownerAccount}:audience-generation-job/*`,
        ],
        Condition: { StringEquals: { [COLLABORATION_ID_KEY]: collaborationId } },
      },
    ],
  });
}
