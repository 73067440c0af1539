/**
 * A configured audience model's resource policy in words (docs/ARCHITECTURE.md,
 * "Two accounts"): which accounts may do what with the model, in which
 * collaboration. The policy Clean Rooms manages for a model association lets
 * the collaboration's other members start jobs on the model; a policy written
 * by hand may say more, and what cannot be put in words is said to be there.
 */

/** One allowing statement, as the model's owner reads it. */
export interface PolicyGrant {
  /** Account IDs the statement names ("*" for anyone). */
  accounts: string[];
  /** The Clean Rooms ML actions it allows, without the `cleanrooms-ml:` prefix ("*" for all). */
  actions: string[];
  /** The collaborations it is limited to (`cleanrooms-ml:CollaborationId`); empty for any. */
  collaborationIds: string[];
  /** True when it denies rather than allows. */
  denies: boolean;
}

export interface ModelPolicyData {
  grants: PolicyGrant[];
  /** Statements with conditions or principals these words do not cover. */
  unexplained: number;
  /** Member names by account ID and collaboration names by ID, where the reader knows them. */
  names?: { accounts: Record<string, string>; collaborations: Record<string, string> };
}

const list = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];

const ACCOUNT_PRINCIPAL = /^(?:arn:aws[-a-z]*:iam::)?(\d{12})(?::root)?$/;

/** The policy's statements as grants; undefined when the text is not a policy document. */
export function readModelPolicy(policy: string): ModelPolicyData | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    return undefined;
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  if (raw === undefined) return undefined;
  const statements = (Array.isArray(raw) ? raw : [raw]).filter(
    (s): s is Record<string, unknown> => typeof s === "object" && s !== null,
  );
  const grants: PolicyGrant[] = [];
  let unexplained = 0;
  for (const statement of statements) {
    const principal = statement.Principal;
    const aws =
      principal === "*"
        ? ["*"]
        : typeof principal === "object" && principal !== null && "AWS" in principal
          ? list((principal as { AWS: unknown }).AWS)
          : [];
    const accounts = aws.map((p) => (p === "*" ? "*" : (ACCOUNT_PRINCIPAL.exec(p)?.[1] ?? "")));
    const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
    const conditionKeys = Object.values(condition ?? {}).flatMap((keys) => Object.keys(keys));
    const collaborationIds = list(condition?.StringEquals?.["cleanrooms-ml:CollaborationId"]);
    const explained =
      accounts.length > 0 &&
      !accounts.includes("") &&
      conditionKeys.every((key) => key === "cleanrooms-ml:CollaborationId") &&
      Object.keys(condition ?? {}).every((operator) => operator === "StringEquals");
    if (!explained) {
      unexplained++;
      continue;
    }
    grants.push({
      accounts,
      actions: list(statement.Action).map((a) => a.replace(/^cleanrooms-ml:/, "")),
      collaborationIds,
      denies: statement.Effect === "Deny",
    });
  }
  return { grants, unexplained };
}

const ACTION_WORDS: Record<string, string> = {
  StartAudienceGenerationJob: "start audience generation jobs",
  "*": "do anything with it",
};

/** "start audience generation jobs", or the action's own name when it has no words here. */
export const actionInWords = (action: string) => ACTION_WORDS[action] ?? action;

/** Joins names as a sentence does: "A", "A and B", "A, B and C". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * Each grant as a sentence: "AnyCompany Retail (111122223333) may start
 * audience generation jobs on this model, in the collaboration Retail and
 * streaming lookalikes only."
 */
export function policyInWords(policy: ModelPolicyData): string[] {
  const account = (id: string) => {
    if (id === "*") return "Any AWS account";
    const name = policy.names?.accounts[id];
    return name ? `${name} (${id})` : `Account ${id}`;
  };
  const collaboration = (id: string) => policy.names?.collaborations[id] ?? id;
  const sentences = policy.grants.map((grant) => {
    const who = joinWords(grant.accounts.map(account));
    const what = joinWords(grant.actions.map(actionInWords));
    const where =
      grant.collaborationIds.length === 0
        ? "in any collaboration"
        : `in the collaboration ${joinWords(grant.collaborationIds.map(collaboration))} only`;
    return `${who} ${grant.denies ? "may not" : "may"} ${what} on this model, ${where}.`;
  });
  if (policy.unexplained > 0) {
    sentences.push(
      `${policy.unexplained === 1 ? "One more statement has" : `${policy.unexplained} more statements have`} conditions not shown here: read the policy in the AWS console.`,
    );
  }
  return sentences;
}
