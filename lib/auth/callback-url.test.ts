import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "./callback-url";

describe("the page sign-in leads back to", () => {
  it("is a path on this dashboard, with its query and fragment", () => {
    expect(safeCallbackPath("/jobs/new")).toBe("/jobs/new");
    expect(safeCallbackPath("/jobs/us-east-1/111122223333/abc?tab=exports#x")).toBe(
      "/jobs/us-east-1/111122223333/abc?tab=exports#x",
    );
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
  });

  it("is never another site, however the address is disguised", () => {
    for (const value of [
      "/\t/evil.example/x",
      "/\n/evil.example/x",
      "/\r/evil.example/x",
      "/\t\\evil.example/x",
      "\t//evil.example/x",
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example/x",
      "https://evil.example/x",
      "http:evil.example",
      "HTTPS://evil.example",
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ]) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, "https://dashboard.example").origin, JSON.stringify(value)).toBe(
        "https://dashboard.example",
      );
      expect(path, JSON.stringify(value)).not.toContain("evil.example/x");
    }
  });
});
