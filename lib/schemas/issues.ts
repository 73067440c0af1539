import type { z } from "zod";

/** Dotted path of an issue, e.g. `seedAudience.dataSource.s3Uri`; empty for the whole input. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join(".");
}

/** A record key's own problem lies one level down; bring it up so the message names the rule. */
function leafIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) =>
    issue.code === "invalid_key" && issue.issues.length > 0
      ? issue.issues.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }))
      : [issue],
  );
}

/** One line per problem, each naming the field and the rule: `name: Name is required`. */
export function formatIssues(error: z.ZodError): string {
  return leafIssues(error.issues)
    .map((issue) => {
      const path = issuePath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** The first message for each field path, for showing errors beside fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of leafIssues(error.issues)) {
    const path = issuePath(issue);
    errors[path] ??= issue.message;
  }
  return errors;
}
