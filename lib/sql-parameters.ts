/**
 * The parameters a SQL query refers to as `:name` (Clean Rooms SQL's named
 * parameters), outside string literals, quoted identifiers and comments; a
 * `::type` cast is not one. In the order they first appear, each once.
 */
export function sqlParameterNames(query: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === "'" || c === '"') {
      // A literal or quoted identifier; a doubled quote stays inside it.
      i++;
      while (i < query.length) {
        if (query[i] === c && query[i + 1] === c) i += 2;
        else if (query[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === "-" && next === "-") {
      const end = query.indexOf("\n", i);
      i = end < 0 ? query.length : end + 1;
    } else if (c === "/" && next === "*") {
      const end = query.indexOf("*/", i + 2);
      i = end < 0 ? query.length : end + 2;
    } else if (c === ":" && next === ":") {
      i += 2;
    } else if (c === ":") {
      const match = /^[A-Za-z_][0-9A-Za-z_]*/.exec(query.slice(i + 1));
      if (match && !names.includes(match[0])) names.push(match[0]);
      i += 1 + (match?.[0].length ?? 0);
    } else i++;
  }
  return names;
}

/** What a query and its parameter rows disagree on: names it uses without a row, rows it never uses. */
export function sqlParameterMismatch(
  query: string,
  rowNames: readonly string[],
): { missing: string[]; unused: string[] } {
  const used = sqlParameterNames(query);
  return {
    missing: used.filter((n) => !rowNames.includes(n)),
    unused: rowNames.filter((n) => n !== "" && !used.includes(n)),
  };
}

/**
 * What the form can say about a SQL seed's parameters before sending it, in
 * words, sorted by certainty. `blocking`: the query names a parameter no row
 * gives a value, so the protected query is certain to fail (SQL_QUERY_FAILED):
 * the form refuses to start it. `doubts`: rows the query never uses, which
 * the service ignores but which usually mean a typo: the form asks before
 * starting. The schema, the check under the rows and the review all word
 * them from here.
 */
export function sqlParameterProblems(
  query: string,
  rowNames: readonly string[],
): { blocking: string[]; doubts: string[] } {
  const { missing, unused } = sqlParameterMismatch(query, rowNames);
  const they = (n: unknown[]) => (n.length === 1 ? "it" : "them");
  return {
    blocking:
      missing.length > 0
        ? [
            `The query uses ${missing.map((n) => `:${n}`).join(", ")} but no row gives ${they(missing)} a value, so the job would fail: add a row named ${missing.join(", ")}.`,
          ]
        : [],
    doubts:
      unused.length > 0
        ? [
            `The query does not use ${unused.join(", ")}: refer to ${they(unused)} as ${unused.map((n) => `:${n}`).join(", ")}, or remove the ${unused.length === 1 ? "row" : "rows"}.`,
          ]
        : [],
  };
}
