import "server-only";

import { ConfigError } from "@/lib/config";

import { parseSeedBuckets, type SeedLocation } from "./locations";

let cached: SeedLocation[] | undefined;

/**
 * The seed locations of `SEED_BUCKETS`, parsed once. Empty when unset: the
 * seed browser and upload are then hidden, and the server refuses every S3
 * read and write.
 */
export function seedLocations(): SeedLocation[] {
  if (!cached) {
    try {
      cached = parseSeedBuckets(process.env.SEED_BUCKETS);
    } catch (error) {
      throw new ConfigError(`Invalid environment: ${(error as Error).message}`);
    }
  }
  return cached;
}
