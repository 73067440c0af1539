/**
 * Where the dashboard may read and write seeds: the `SEED_BUCKETS` setting
 * (comma-separated `bucket` or `bucket/prefix/`, `s3://` optional), and the
 * checks every S3 read and write of the dashboard goes through on the server
 * (`lib/seeds/access.ts`). Pure: the browser uses the URI helpers too.
 */

/** A bucket and a key prefix the dashboard may use ("" for the whole bucket). */
export interface SeedLocation {
  bucket: string;
  prefix: string;
}

/** S3's bucket naming rules: 3 to 63 lower-case letters, digits, dots and hyphens. */
export const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** S3's longest key, in UTF-8 bytes. */
export const KEY_MAX_BYTES = 1024;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a key (or key prefix) is refused, or undefined when it is fine: no
 * control characters, no `.` or `..` segment, no leading `/`, at most 1,024
 * bytes. S3 would take some of these; the dashboard never needs them, and
 * they are how a path escapes where it was meant to stay.
 */
export function keyProblem(key: string): string | undefined {
  if (CONTROL.test(key)) return "contains a control character";
  if (key.startsWith("/")) return "starts with /";
  if (key.split("/").some((segment) => segment === "." || segment === "..")) {
    return "has a . or .. segment";
  }
  if (new TextEncoder().encode(key).length > KEY_MAX_BYTES) return "is longer than 1,024 bytes";
  return undefined;
}

/** `SEED_BUCKETS` as locations; throws an Error naming the setting and the entry at fault. */
export function parseSeedBuckets(value: string | undefined): SeedLocation[] {
  if (value === undefined || value.trim() === "") return [];
  const locations: SeedLocation[] = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim().replace(/^s3:\/\//, "");
    if (entry === "") continue;
    const slash = entry.indexOf("/");
    const bucket = slash < 0 ? entry : entry.slice(0, slash);
    let prefix = slash < 0 ? "" : entry.slice(slash + 1);
    if (prefix !== "" && !prefix.endsWith("/")) prefix += "/";
    if (!BUCKET_NAME.test(bucket)) {
      throw new Error(
        `SEED_BUCKETS: "${raw.trim()}" does not start with an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)`,
      );
    }
    const problem = prefix === "" ? undefined : keyProblem(prefix);
    if (problem || prefix.includes("//")) {
      throw new Error(
        `SEED_BUCKETS: the prefix of "${raw.trim()}" ${problem ?? "has an empty folder name"}`,
      );
    }
    locations.push({ bucket, prefix });
  }
  return locations;
}

/** The location that holds this key (or key prefix), if any. */
export function locationOf(
  locations: readonly SeedLocation[],
  bucket: string,
  key: string,
): SeedLocation | undefined {
  return locations.find((l) => l.bucket === bucket && key.startsWith(l.prefix));
}

export interface S3Location {
  bucket: string;
  key: string;
}

const S3_URI = /^s3:\/\/([^/]+)(?:\/(.*))?$/s;

/** An `s3://bucket/key` URI's parts, or undefined when it is not one. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = S3_URI.exec(uri.trim());
  if (!match) return undefined;
  return { bucket: match[1]!, key: match[2] ?? "" };
}

export const s3UriOf = ({ bucket, key }: S3Location) => `s3://${bucket}/${key}`;

/** The last segment of a key or prefix ("fitness/" for "seeds/fitness/"). */
export function baseName(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith("/") ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  const name = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  return keyOrPrefix.endsWith("/") ? `${name}/` : name;
}
