import "server-only";

import type { Readable } from "node:stream";
import {
  GetObjectCommand,
  ListObjectsV2Command,
  type GetObjectCommandOutput,
} from "@aws-sdk/client-s3";

import { s3 } from "@/lib/s3";

import { checkSeedAccess, checkSeedUri } from "./access";
import { SeedError } from "./errors";
import { s3UriOf } from "./locations";
import { seedProblems, SeedTally } from "./tally";
import type { SeedReport } from "./types";

/**
 * Reading stops here, well above a seed of the 500,000-ID maximum (about
 * 14 MB of `{"user_id": "…"}` lines with 8-character IDs): a bigger file is
 * over the limit or mostly not IDs, and reading on would only cost time.
 */
export const PREFLIGHT_BYTE_LIMIT = 100 * 1024 * 1024;
/** A folder of more objects than this is not read (the service's seeds are a handful of parts). */
const FOLDER_OBJECTS_MAX = 10_000;

const isNotFound = (error: unknown) =>
  error instanceof Error && (error.name === "NoSuchKey" || error.name === "NotFound");

/** Every object under a folder prefix (folder markers, keys ending with `/`, left out). */
async function objectsUnder(bucket: string, prefix: string, signal: AbortSignal) {
  const objects: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3().send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      { abortSignal: signal },
    );
    for (const object of page.Contents ?? []) {
      if (object.Key && !object.Key.endsWith("/")) {
        objects.push({ key: object.Key, size: object.Size ?? 0 });
      }
    }
    if (objects.length > FOLDER_OBJECTS_MAX) {
      throw new SeedError(
        "SeedFolderTooLarge",
        `s3://${bucket}/${prefix} holds more than ${FOLDER_OBJECTS_MAX.toLocaleString("en-US")} objects; a seed folder holds a few.`,
        400,
      );
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/**
 * Reads a seed as the service would (one object, or every object under a
 * folder) as a stream, counting as it goes ({@link SeedTally}); never whole
 * in memory. Stops at `byteLimit` and says so; stops when `signal` aborts
 * (the person left the page), ending the S3 reads under way.
 */
export async function preflightSeed(
  uri: string,
  signal: AbortSignal,
  byteLimit = PREFLIGHT_BYTE_LIMIT,
): Promise<SeedReport> {
  const started = performance.now();
  const { bucket, key } = checkSeedUri(uri);
  let first: GetObjectCommandOutput | undefined;
  let objects: { key: string; size: number }[];
  let folder = key === "" || key.endsWith("/");
  if (!folder) {
    try {
      first = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: signal,
      });
      objects = [{ key, size: first.ContentLength ?? 0 }];
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // Not an object: a folder named without its slash, as the service takes it.
      folder = true;
    }
  }
  if (folder) {
    const prefix = key === "" || key.endsWith("/") ? key : `${key}/`;
    checkSeedAccess(bucket, prefix);
    objects = await objectsUnder(bucket, prefix, signal);
    if (objects.length === 0) {
      throw new SeedError("NoSuchKey", `No seed file at ${uri}, nor any under it.`, 404);
    }
  }

  const tally = new SeedTally();
  let bytesRead = 0;
  let stoppedAtByteLimit = false;
  for (const object of objects!) {
    if (stoppedAtByteLimit) break;
    const response =
      first ??
      (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: object.key }), {
        abortSignal: signal,
      }));
    first = undefined;
    tally.beginObject(folder ? object.key.slice(key.length).replace(/^\//, "") : undefined);
    const body = response.Body as Readable;
    try {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        if (signal.aborted) break;
        const room = byteLimit - bytesRead;
        if (chunk.byteLength > room) {
          tally.push(chunk.subarray(0, room));
          bytesRead += room;
          stoppedAtByteLimit = true;
          break;
        }
        tally.push(chunk);
        bytesRead += chunk.byteLength;
      }
    } finally {
      // Ends the download when reading stopped early (the limit, or the person left).
      body.destroy();
    }
    if (signal.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
    tally.endObject();
  }
  const counts = tally.result();
  return {
    uri: folder ? s3UriOf({ bucket, key: key === "" || key.endsWith("/") ? key : `${key}/` }) : uri,
    folder,
    objects: objects!.length,
    totalBytes: objects!.reduce((sum, o) => sum + o.size, 0),
    bytesRead,
    stoppedAtByteLimit,
    byteLimit,
    ...counts,
    problems: seedProblems(counts),
    durationMs: Math.round(performance.now() - started),
  };
}
