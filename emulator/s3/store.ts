/**
 * The local S3's objects: plain files in the stand-in S3 folder
 * (`<data>/s3/<bucket>/<key>`), the same files a job's seed is read from
 * (lookalike/seed.ts), so what is uploaded is what a job reads. A bucket is a
 * folder there. Multipart uploads keep their parts as files in
 * `<data>/s3-uploads/<upload id>/` (outside every bucket, so a listing never
 * shows them) until they are completed, joined by streaming into the object's
 * place, or aborted.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { AwsChunkedDecoder, S3Error } from "./wire";

/** S3's bucket naming rules (lower case, digits, dots and hyphens; 3 to 63 characters). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** S3's largest key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
/** S3's smallest part, except the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
  etag: string;
}

/** A conditional write: `ifNoneMatch` writes only when the key holds no object (If-None-Match: *). */
export interface WriteCondition {
  ifNoneMatch?: boolean;
}

export class S3Store {
  readonly uploadsRoot: string;

  constructor(readonly s3Root: string) {
    this.uploadsRoot = path.join(path.dirname(s3Root), "s3-uploads");
  }

  /** The bucket's folder; NoSuchBucket when it does not exist. */
  bucketDir(bucket: string): string {
    if (!BUCKET_NAME.test(bucket)) {
      throw new S3Error("InvalidBucketName", "The specified bucket is not valid.", {
        BucketName: bucket,
      });
    }
    const dir = path.join(this.s3Root, bucket);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new S3Error("NoSuchBucket", "The specified bucket does not exist.", {
        BucketName: bucket,
      });
    }
    return dir;
  }

  createBucket(bucket: string): void {
    if (!BUCKET_NAME.test(bucket)) {
      throw new S3Error("InvalidBucketName", "The specified bucket is not valid.", {
        BucketName: bucket,
      });
    }
    fs.mkdirSync(path.join(this.s3Root, bucket), { recursive: true });
  }

  /**
   * The file of a key. Keys that a folder cannot hold (empty segments, `.` or
   * `..` segments, NUL) are refused: the local S3 is a folder, not S3.
   */
  objectPath(bucket: string, key: string): string {
    const dir = this.bucketDir(bucket);
    if (key === "" || Buffer.byteLength(key) > MAX_KEY_BYTES) {
      throw new S3Error("InvalidArgument", "The key must be 1 to 1,024 bytes long.", { Key: key });
    }
    const segments = key.split("/");
    if (
      key.includes("\0") ||
      key.endsWith("/") ||
      segments.some((s) => s === "" || s === "." || s === "..")
    ) {
      throw new S3Error(
        "InvalidArgument",
        "The local S3 keeps objects as files, so a key may not end with /, hold empty, . or .. segments, or a NUL.",
        { Key: key },
      );
    }
    const file = path.join(dir, ...segments);
    if (!isInside(dir, file) || file === dir) {
      throw new S3Error("InvalidArgument", "The key leaves its bucket.", { Key: key });
    }
    return file;
  }

  /** The object's facts; NoSuchKey when it does not exist (a folder is not an object). */
  head(bucket: string, key: string): ObjectInfo & { file: string } {
    const file = this.objectPath(bucket, key);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      throw new S3Error("NoSuchKey", "The specified key does not exist.", { Key: key });
    }
    return { key, file, size: stat.size, lastModified: stat.mtime, etag: statEtag(stat) };
  }

  /** Every key in the bucket at or after `from`, in S3's order (by UTF-8 bytes). */
  listKeys(bucket: string, prefix: string): ObjectInfo[] {
    const dir = this.bucketDir(bucket);
    // Only the folder the prefix points into need be walked.
    const slash = prefix.lastIndexOf("/");
    const start = slash < 0 ? dir : path.join(dir, ...prefix.slice(0, slash).split("/"));
    // A prefix with `..` in it names no key of this bucket (keys hold no such segment).
    if (!isInside(dir, start)) return [];
    const out: ObjectInfo[] = [];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(start, { withFileTypes: true, recursive: true });
    } catch {
      return [];
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const key = path.relative(dir, file).split(path.sep).join("/");
      if (!key.startsWith(prefix)) continue;
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      out.push({ key, size: stat.size, lastModified: stat.mtime, etag: statEtag(stat) });
    }
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }

  /**
   * Writes a body to the key: streamed into a temporary file beside the
   * uploads, then renamed into place, so a reader never sees half an object.
   */
  async put(
    bucket: string,
    key: string,
    body: Body,
    condition: WriteCondition = {},
  ): Promise<ObjectInfo> {
    const file = this.objectPath(bucket, key);
    const temp = this.tempFile();
    const md5 = await writeHashed(body, temp);
    return this.moveIntoPlace(temp, file, key, `"${md5}"`, condition);
  }

  createUpload(bucket: string, key: string): string {
    this.objectPath(bucket, key);
    const uploadId = randomUUID().replace(/-/g, "");
    const dir = path.join(this.uploadsRoot, uploadId);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "upload.json"), JSON.stringify({ bucket, key }));
    return uploadId;
  }

  private uploadDir(bucket: string, key: string, uploadId: string): string {
    const dir = path.join(this.uploadsRoot, uploadId);
    let meta: { bucket: string; key: string } | undefined;
    try {
      if (/^[0-9a-f]{32}$/.test(uploadId)) {
        meta = JSON.parse(fs.readFileSync(path.join(dir, "upload.json"), "utf8"));
      }
    } catch {
      meta = undefined;
    }
    if (!meta || meta.bucket !== bucket || meta.key !== key) {
      throw new S3Error(
        "NoSuchUpload",
        "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
        { UploadId: uploadId },
      );
    }
    return dir;
  }

  async uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Body,
  ): Promise<string> {
    const dir = this.uploadDir(bucket, key, uploadId);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new S3Error("InvalidArgument", "Part number must be an integer between 1 and 10000.");
    }
    const temp = path.join(dir, `${partNumber}.${randomUUID()}.tmp`);
    const md5 = await writeHashed(body, temp);
    fs.renameSync(temp, path.join(dir, `${partNumber}.part`));
    fs.writeFileSync(path.join(dir, `${partNumber}.etag`), `"${md5}"`);
    return `"${md5}"`;
  }

  async completeUpload(
    bucket: string,
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
    condition: WriteCondition = {},
  ): Promise<ObjectInfo> {
    const dir = this.uploadDir(bucket, key, uploadId);
    const file = this.objectPath(bucket, key);
    if (parts.length === 0) {
      throw new S3Error("MalformedXML", "The XML you provided named no parts.");
    }
    const files: string[] = [];
    for (const [i, part] of parts.entries()) {
      if (i > 0 && part.partNumber <= parts[i - 1]!.partNumber) {
        throw new S3Error("InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      const etagFile = path.join(dir, `${part.partNumber}.etag`);
      const etag = fs.existsSync(etagFile) ? fs.readFileSync(etagFile, "utf8") : undefined;
      if (etag === undefined || etag.replace(/"/g, "") !== part.etag.replace(/"/g, "")) {
        throw new S3Error(
          "InvalidPart",
          "One or more of the specified parts could not be found, or its entity tag did not match.",
          { PartNumber: String(part.partNumber) },
        );
      }
      const partFile = path.join(dir, `${part.partNumber}.part`);
      if (i < parts.length - 1 && fs.statSync(partFile).size < MIN_PART_BYTES) {
        throw new S3Error(
          "EntityTooSmall",
          "Your proposed upload is smaller than the minimum allowed object size.",
          { PartNumber: String(part.partNumber) },
        );
      }
      files.push(partFile);
    }
    const temp = this.tempFile();
    const out = fs.createWriteStream(temp);
    try {
      for (const partFile of files) {
        await pipeline(fs.createReadStream(partFile), out, { end: false });
      }
      await new Promise<void>((resolve, reject) =>
        out.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    } catch (error) {
      out.destroy();
      fs.rmSync(temp, { force: true });
      throw error;
    }
    // S3's multipart ETag: the MD5 of the parts' MD5s, then "-<parts>".
    const joined = createHash("md5");
    for (const part of parts) joined.update(Buffer.from(part.etag.replace(/"/g, ""), "hex"));
    const info = this.moveIntoPlace(
      temp,
      file,
      key,
      `"${joined.digest("hex")}-${parts.length}"`,
      condition,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    return info;
  }

  abortUpload(bucket: string, key: string, uploadId: string): void {
    fs.rmSync(this.uploadDir(bucket, key, uploadId), { recursive: true, force: true });
  }

  private tempFile(): string {
    fs.mkdirSync(this.uploadsRoot, { recursive: true });
    return path.join(this.uploadsRoot, `put-${randomUUID()}.tmp`);
  }

  /**
   * Puts the written file in place. With `ifNoneMatch` (S3's `If-None-Match: *`)
   * only when no object is there: a hard link fails when the name exists, in one
   * step, so of two writers racing to one new key exactly one wins and the other
   * gets S3's PreconditionFailed; nothing is replaced.
   */
  private moveIntoPlace(
    temp: string,
    file: string,
    key: string,
    etag: string,
    { ifNoneMatch }: WriteCondition,
  ): ObjectInfo {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (ifNoneMatch) {
      try {
        fs.linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        throw new S3Error(
          "PreconditionFailed",
          "At least one of the pre-conditions you specified did not hold",
          { Condition: "If-None-Match" },
        );
      } finally {
        fs.rmSync(temp, { force: true });
      }
    } else {
      fs.renameSync(temp, file);
    }
    const stat = fs.statSync(file);
    return { key, size: stat.size, lastModified: stat.mtime, etag };
  }
}

/** Whether `candidate` is `dir` or a path below it, never a sibling that merely starts like it. */
function isInside(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(dir + path.sep);
}

/**
 * A listed or read object's entity tag: from its size and modification time,
 * not its content's MD5 (which would mean reading every file to list a
 * folder). It changes whenever the object is written again.
 */
function statEtag(stat: fs.Stats): string {
  return `"${createHash("md5").update(`${stat.size}:${stat.mtimeMs}`).digest("hex")}"`;
}

/** A request body: its stream, and whether it is sent `aws-chunked` (wire.ts). */
export interface Body {
  stream: Readable;
  awsChunked: boolean;
}

/** Streams a body into a file, returning its MD5; the file is removed if the body fails. */
async function writeHashed(body: Body, file: string): Promise<string> {
  const hash = createHash("md5");
  const hasher = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    if (body.awsChunked) {
      await pipeline(body.stream, new AwsChunkedDecoder(), hasher, fs.createWriteStream(file));
    } else {
      await pipeline(body.stream, hasher, fs.createWriteStream(file));
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return hash.digest("hex");
}

/** S3's key order: by their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
