/** The test provider's client and people, shared by e2e/oidc/server.ts, playwright.config.ts and the specs. */
export const OIDC_CLIENT_ID = "dashboard-e2e";

/** Groups the provider puts in the `groups` claim, by email. */
export const TEST_GROUPS: Record<string, string[]> = {
  "bob@partner.example": ["marketing"],
  "mallory@evil.example": ["contractors"],
};
