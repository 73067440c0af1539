import { expect, type Locator, type Page, type Request } from "@playwright/test";

import { AUTH_APP_URL, OIDC_ISSUER, OIDC_NAME } from "../oidc/settings";

/** The dashboard's sign-in page (`/sign-in`) on the app with sign-in on. */
export class SignInPage {
  readonly heading: Locator;
  readonly button: Locator;
  readonly refused: Locator;
  readonly signedOut: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Sign in" });
    this.button = page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` });
    this.refused = page
      .getByRole("alert")
      .filter({ hasText: "That account may not use this dashboard" });
    this.signedOut = page.getByRole("status").filter({ hasText: "You are signed out" });
  }

  /** Expects to be on the sign-in page, asked to come back to `callbackPath` afterwards. */
  async expectHere(callbackPath?: string) {
    await expect(this.page).toHaveURL(
      (url) =>
        url.origin === AUTH_APP_URL &&
        url.pathname === "/sign-in" &&
        (callbackPath === undefined || url.searchParams.get("callbackUrl") === callbackPath),
    );
    await expect(this.heading).toBeVisible();
  }

  /**
   * Presses the sign-in button and signs in at the test identity provider as
   * `email` (its development form takes any login and password).
   */
  async signInAs(email: string) {
    await this.button.click();
    await expect(this.page).toHaveURL((url) => url.origin === OIDC_ISSUER);
    await this.page.getByPlaceholder("Enter any login").fill(email);
    await this.page.getByPlaceholder("and password").fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }
}

/** The header's signed-in person and sign-out. */
export class AccountHeader {
  readonly person: Locator;
  readonly signOut: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.person = page.getByTestId("signed-in-person");
    this.signOut = page.getByRole("button", { name: "Sign out" });
    this.nav = page.getByRole("navigation", { name: "Main" });
  }
}

/** A server action call the page made: its address, headers and body, to send again from outside the browser. */
export interface RecordedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Records the next server action POST the page sends (the `next-action` header marks it). */
export function recordNextAction(page: Page): Promise<RecordedAction> {
  return page
    .waitForRequest(
      (request: Request) =>
        request.method() === "POST" && request.headers()["next-action"] !== undefined,
    )
    .then(async (request) => ({
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData() ?? "",
    }));
}

/**
 * Sends a recorded action again from outside the browser, with only the
 * headers a server action needs (no cookie unless given) and the origin given.
 */
export async function replayAction(
  action: RecordedAction,
  options: { origin: string; cookie?: string; body?: string; url?: string },
): Promise<Response> {
  const keep = ["next-action", "next-router-state-tree", "content-type", "accept"];
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(action.headers).filter(([name]) => keep.includes(name.toLowerCase())),
  );
  headers.origin = options.origin;
  if (options.cookie) headers.cookie = options.cookie;
  return fetch(options.url ?? action.url, {
    method: "POST",
    headers,
    body: options.body ?? action.body,
    redirect: "manual",
  });
}
