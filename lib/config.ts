import { z } from "zod";

/**
 * The dashboard's server configuration, parsed once from the environment.
 * A wrong value fails at start with a message naming the variable.
 */
const envSchema = z.object({
  CLEANROOMS_ML_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:4750" })
    .optional(),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "must be an AWS region such as us-east-1" })
    .optional(),
  AWS_DEFAULT_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "must be an AWS region such as us-east-1" })
    .optional(),
  LOCAL_SERVICE_ACCOUNT: z
    .string()
    .regex(/^\d{12}$/, { error: "must be a 12-digit AWS account ID such as 444455556666" })
    .optional(),
});

interface ServiceConfig {
  /** Set when the dashboard talks to a service other than AWS, such as the local one. */
  endpoint: string | undefined;
  region: string;
  /** True when the endpoint is the local service on this machine. */
  isLocalService: boolean;
  /**
   * The account the dashboard acts as on the local service (LOCAL_SERVICE_ACCOUNT):
   * its access key ID names it there; undefined for our default account
   * (docs/ARCHITECTURE.md, "Two accounts").
   */
  localAccount: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function parseServiceConfig(env: Record<string, string | undefined>): ServiceConfig {
  const blankToUndefined = (v: string | undefined) =>
    v === undefined || v.trim() === "" ? undefined : v.trim();
  const parsed = envSchema.safeParse({
    CLEANROOMS_ML_ENDPOINT: blankToUndefined(env.CLEANROOMS_ML_ENDPOINT),
    AWS_REGION: blankToUndefined(env.AWS_REGION),
    AWS_DEFAULT_REGION: blankToUndefined(env.AWS_DEFAULT_REGION),
    LOCAL_SERVICE_ACCOUNT: blankToUndefined(env.LOCAL_SERVICE_ACCOUNT),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  const {
    CLEANROOMS_ML_ENDPOINT: endpoint,
    AWS_REGION,
    AWS_DEFAULT_REGION,
    LOCAL_SERVICE_ACCOUNT,
  } = parsed.data;
  const region = AWS_REGION ?? AWS_DEFAULT_REGION ?? (endpoint ? "us-east-1" : undefined);
  if (!region) {
    throw new ConfigError(
      "Invalid environment: AWS_REGION is required when CLEANROOMS_ML_ENDPOINT is not set (set AWS_REGION to reach AWS, or CLEANROOMS_ML_ENDPOINT for the local service)",
    );
  }
  const isLocalService = endpoint !== undefined && LOCAL_HOSTS.has(new URL(endpoint).hostname);
  if (LOCAL_SERVICE_ACCOUNT !== undefined && !isLocalService) {
    throw new ConfigError(
      "Invalid environment: LOCAL_SERVICE_ACCOUNT picks an account of the local service only; unset it, or point CLEANROOMS_ML_ENDPOINT at the local service",
    );
  }
  return { endpoint, region, isLocalService, localAccount: LOCAL_SERVICE_ACCOUNT };
}

let cached: ServiceConfig | undefined;

/** The process's configuration, parsed on first use. */
export function serviceConfig(): ServiceConfig {
  cached ??= parseServiceConfig(process.env);
  return cached;
}

/** The setting that holds the price per CRPU-hour, in US dollars. */
export const CRPU_PRICE_VARIABLE = "CRPU_HOUR_PRICE_USD";

/**
 * The price per CRPU-hour the dashboard multiplies billed CRPU-hours by
 * (CRPU_HOUR_PRICE_USD, a positive decimal such as 0.125), or undefined when
 * it is not set: the dashboard then shows CRPU-hours only and never a price
 * of its own (docs/ARCHITECTURE.md, "Compute cost").
 */
export function parseCrpuPrice(
  env: Record<string, string | undefined>,
): { usdPerCrpuHour: number; source: string } | undefined {
  const raw = env[CRPU_PRICE_VARIABLE]?.trim();
  if (!raw) return undefined;
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new ConfigError(
      `Invalid environment: ${CRPU_PRICE_VARIABLE} must be a price in US dollars per CRPU-hour greater than 0, such as 0.125 (got "${raw}"); unset it to show CRPU-hours only`,
    );
  }
  return { usdPerCrpuHour: value, source: CRPU_PRICE_VARIABLE };
}

/** The process's price per CRPU-hour, parsed on first use. */
export function crpuPrice(): { usdPerCrpuHour: number; source: string } | undefined {
  return parseCrpuPrice(process.env);
}
