import "server-only";

import { Readable } from "node:stream";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

import { s3 } from "@/lib/s3";

import { checkSeedAccess } from "./access";
import { SeedConverter, type SeedFileFormat } from "./convert";
import { SeedError } from "./errors";
import { s3UriOf } from "./locations";
import type { SeedUploadResult } from "./types";

/** The largest file taken (well over 500,000 IDs of a CSV with a few columns). */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;
/** S3's smallest part: the converted seed goes up 5 MB at a time, one part in flight. */
const PART_BYTES = 5 * MB;

const exists = (bucket: string, key: string) =>
  new SeedError("ObjectExists", `s3://${bucket}/${key} exists already.`, 409);

const tooLarge = () =>
  new SeedError(
    "SeedFileRejected",
    `The file is larger than ${UPLOAD_MAX_BYTES / MB} MB, the most the dashboard takes.`,
    413,
  );

/**
 * Writes an uploaded file to S3 as a clean seed, streaming: the browser's
 * bytes are converted as they arrive ({@link SeedConverter}) and go to S3 in
 * 5 MB multipart parts (`@aws-sdk/lib-storage`), so the server holds about
 * two parts and the duplicate check's IDs, never the file. A refused file, a
 * failure half way or the browser's cancel (`signal`) aborts the multipart
 * upload: no object, and no part left behind. An existing object is never
 * replaced: the HEAD first refuses a known name before any byte is sent, and
 * the write itself is conditional (`IfNoneMatch: "*"`), so of two uploads
 * racing to one new key S3 lets exactly one in and answers the other 412.
 */
export async function uploadSeed({
  body,
  bucket,
  key,
  spec,
  signal,
  contentLength,
}: {
  body: ReadableStream<Uint8Array>;
  bucket: string;
  key: string;
  spec: SeedFileFormat;
  signal: AbortSignal;
  contentLength?: number;
}): Promise<SeedUploadResult> {
  checkSeedAccess(bucket, key);
  if (contentLength !== undefined && contentLength > UPLOAD_MAX_BYTES) throw tooLarge();
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    throw exists(bucket, key);
  } catch (error) {
    if (!(error instanceof Error && (error.name === "NotFound" || error.name === "NoSuchKey"))) {
      throw error;
    }
  }

  const converter = new SeedConverter(spec);
  let refusal: unknown;
  async function* converted(): AsyncGenerator<Buffer> {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (converter.bytes + value.byteLength > UPLOAD_MAX_BYTES) throw tooLarge();
        const lines = converter.push(value);
        if (lines) yield Buffer.from(lines);
      }
      if (contentLength !== undefined && converter.bytes !== contentLength) {
        throw new SeedError(
          "SeedFileRejected",
          `The upload was cut short (${converter.bytes} of ${contentLength} bytes arrived).`,
          400,
        );
      }
      const last = converter.end();
      if (last) yield Buffer.from(last);
    } catch (error) {
      refusal = error;
      throw error;
    } finally {
      reader.releaseLock();
    }
  }

  const upload = new Upload({
    client: s3(),
    params: {
      Bucket: bucket,
      Key: key,
      Body: Readable.from(converted()),
      ContentType: "application/x-ndjson",
      IfNoneMatch: "*",
    },
    partSize: PART_BYTES,
    queueSize: 1,
    leavePartsOnError: false,
  });
  const cancel = () => void upload.abort().catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  try {
    await upload.done();
  } catch (error) {
    await upload.abort().catch(() => undefined);
    if (error instanceof Error && error.name === "PreconditionFailed") throw exists(bucket, key);
    throw refusal ?? error;
  } finally {
    signal.removeEventListener("abort", cancel);
  }
  return {
    uri: s3UriOf({ bucket, key }),
    bytes: converter.bytes,
    rows: converter.rows,
    ids: converter.uniqueIds,
    duplicates: converter.duplicates,
    skipped: converter.skipped,
  };
}
