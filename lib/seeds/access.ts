import "server-only";

import { seedLocations } from "./config";
import { SeedError } from "./errors";
import { keyProblem, locationOf, parseS3Uri, type S3Location } from "./locations";

/**
 * The one gate of every S3 read and write the dashboard makes: the bucket and
 * key (or key prefix) must lie within a `SEED_BUCKETS` location, and the key
 * must pass {@link keyProblem}. Checked on the server whatever the browser
 * shows, so a signed-in person can reach no other object through the
 * dashboard.
 */
export function checkSeedAccess(bucket: string, key: string): S3Location {
  const problem = keyProblem(key);
  if (problem) {
    throw new SeedError("InvalidSeedLocation", `The S3 key "${printable(key)}" ${problem}.`, 400);
  }
  const locations = seedLocations();
  if (!locationOf(locations, bucket, key)) {
    throw new SeedError(
      "SeedLocationNotAllowed",
      locations.length === 0
        ? "This dashboard has no seed buckets (SEED_BUCKETS is not set), so it reads and writes no S3 objects."
        : `s3://${bucket}/${printable(key)} is outside the seed locations this dashboard may use (${locations.map((l) => `s3://${l.bucket}/${l.prefix}`).join(", ")}).`,
      403,
    );
  }
  return { bucket, key };
}

/** An `s3://` URI, checked as {@link checkSeedAccess} checks. */
export function checkSeedUri(uri: string): S3Location {
  const location = parseS3Uri(uri);
  if (!location || location.bucket === "") {
    throw new SeedError(
      "InvalidSeedLocation",
      `"${printable(uri)}" is not an S3 URI of the form s3://bucket/key.`,
      400,
    );
  }
  return checkSeedAccess(location.bucket, location.key);
}

const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "�");
