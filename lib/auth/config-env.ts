/**
 * Reading the auth settings from the environment: blank and list values, URLs,
 * header names, and the access rules every sign-in mode shares (config.ts).
 */
import { z } from "zod";

import { ConfigError } from "@/lib/config";

import type { AccessRules } from "./config-types";

export const blank = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();
export const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

export const httpUrl = (name: string, example: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL such as ${example}` });

export const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
/** Headers a browser or any client sets itself: never proof of who someone is. */
export const UNTRUSTABLE_HEADERS = new Set([
  "cookie",
  "host",
  "origin",
  "referer",
  "user-agent",
  "authorization",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
]);

export function accessRules(env: Record<string, string | undefined>, mode: string): AccessRules {
  const allowedEmailDomains = list(env.AUTH_ALLOWED_EMAIL_DOMAINS).map((d) =>
    d.toLowerCase().replace(/^@/, ""),
  );
  for (const domain of allowedEmailDomains) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
      throw new ConfigError(
        `Invalid environment: AUTH_ALLOWED_EMAIL_DOMAINS must be a comma-separated list of domains such as example.com,example.org (got "${domain}")`,
      );
    }
  }
  const allowedGroups = list(env.AUTH_ALLOWED_GROUPS);
  const allowAll = blank(env.AUTH_ALLOW_ALL_USERS);
  if (allowAll !== undefined && allowAll !== "true" && allowAll !== "false") {
    throw new ConfigError(
      `Invalid environment: AUTH_ALLOW_ALL_USERS must be true or false (got "${allowAll}")`,
    );
  }
  const allowAllUsers = allowAll === "true";
  if (
    mode === "oidc" &&
    allowedEmailDomains.length === 0 &&
    allowedGroups.length === 0 &&
    !allowAllUsers
  ) {
    throw new ConfigError(
      "Invalid environment: sign-in needs AUTH_ALLOWED_EMAIL_DOMAINS (e.g. example.com) or AUTH_ALLOWED_GROUPS (e.g. marketing), or AUTH_ALLOW_ALL_USERS=true when everyone your identity provider signs in may use the dashboard",
    );
  }
  if (allowAllUsers && (allowedEmailDomains.length > 0 || allowedGroups.length > 0)) {
    throw new ConfigError(
      "Invalid environment: AUTH_ALLOW_ALL_USERS=true contradicts AUTH_ALLOWED_EMAIL_DOMAINS / AUTH_ALLOWED_GROUPS; set one or the other",
    );
  }
  return { allowedEmailDomains, allowedGroups, allowAllUsers };
}
