import { describe, expect, it } from "vitest";

import { sqlParameterMismatch, sqlParameterNames } from "./sql-parameters";

describe("sqlParameterNames", () => {
  it("finds each :name once, in order", () => {
    expect(
      sqlParameterNames(
        "SELECT user_id FROM customers WHERE segment = :segment AND lifetime_value >= CAST(:min_value AS REAL) OR segment = :segment",
      ),
    ).toEqual(["segment", "min_value"]);
  });

  it("skips literals, quoted identifiers, comments and :: casts", () => {
    expect(
      sqlParameterNames(
        `SELECT 'at :noon' AS t, "col:x", a::text -- :commented\nFROM t /* :block */ WHERE b = :real AND c = 'it''s :quoted'`,
      ),
    ).toEqual(["real"]);
  });
});

describe("sqlParameterMismatch", () => {
  it("names the query's parameters without a row and the rows the query never uses", () => {
    expect(
      sqlParameterMismatch("SELECT user_id FROM c WHERE a = :a AND b = :b", ["a", "c", ""]),
    ).toEqual({ missing: ["b"], unused: ["c"] });
  });
});
