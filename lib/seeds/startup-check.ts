import { parseSeedBuckets } from "./locations";

/**
 * At start (instrumentation.ts, Node.js only): says which seed locations the
 * dashboard may use, or exits naming SEED_BUCKETS when it cannot be read.
 */
export function checkSeedBucketsAtStartup(): void {
  try {
    const locations = parseSeedBuckets(process.env.SEED_BUCKETS);
    console.info(
      locations.length === 0
        ? "Seed buckets: none (SEED_BUCKETS is unset: the seed browser and upload are hidden)"
        : `Seed buckets: ${locations.map((l) => `s3://${l.bucket}/${l.prefix}`).join(", ")}`,
    );
  } catch (error) {
    console.error(
      `\nInvalid environment: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
