import { Refusal, type ServiceWords } from "@/lib/service-errors";

/**
 * A refusal of the dashboard's own around seeds (a location outside
 * SEED_BUCKETS, a bad key, a bad file), before or instead of S3. Mapped like
 * every error by routeError (lib/service-errors.ts), whose hints name what to do.
 */
export class SeedError extends Refusal {}

/** How a seed route's errors name S3. */
export const S3_WORDS: ServiceWords = { name: "S3", notFound: "No seed file at that location." };
