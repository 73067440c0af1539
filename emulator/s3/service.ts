/**
 * The local S3: the S3 operations the dashboard's seed browser, preflight and
 * upload call, path-style (`/<bucket>/<key>`), in S3's REST-XML wire format,
 * over the stand-in S3 folder (store.ts). Requests signed for the service
 * `s3` come here (routing.ts, server.ts's OTHER_SERVICES).
 *
 * Answered: CreateBucket, HeadBucket, ListObjectsV2 (prefix, delimiter,
 * max-keys, continuation-token, start-after, encoding-type=url), GetObject,
 * HeadObject, PutObject, DeleteObject, CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload and AbortMultipartUpload; PutObject and
 * CompleteMultipartUpload honour `If-None-Match: *` as S3 does (412
 * PreconditionFailed when the key holds an object). Anything else answers
 * S3's `NotImplemented`. Injected faults answer `SlowDown` (503) and
 * `InternalError` (500), which the SDK retries.
 */
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import { pipeline } from "node:stream/promises";

import type { ServiceCall, ServiceHandler } from "../routing";
import { compareKeys, S3Store, type ObjectInfo, type WriteCondition } from "./store";
import { element, isAwsChunked, S3Error, sendS3Error, sendXml, unescapeXml } from "./wire";

const MAX_KEYS = 1000;
/** The largest CompleteMultipartUpload document read (10,000 parts fit well within it). */
const MAX_XML_BYTES = 2 * 1024 * 1024;

const stores = new Map<string, S3Store>();
const storeOf = (s3Root: string) => {
  let store = stores.get(s3Root);
  if (!store) stores.set(s3Root, (store = new S3Store(s3Root)));
  return store;
};

/** S3 answers an unsigned-size body to a HEAD or GET without one; a refused write must not leave its body unread. */
function drain(req: IncomingMessage) {
  if (!req.complete) req.resume();
}

export const s3Service: ServiceHandler = async (call) => {
  const { req, res, requestId, method } = call;
  try {
    const { bucket, key } = bucketAndKey(call.rawPath);
    const name = operationName(
      method,
      key,
      call.query,
      req.headers["x-amz-copy-source"] !== undefined,
    );
    call.context.calls.received(name);
    const fault = call.fault();
    if (fault === "throttle") {
      call.context.calls.throttled(name);
      throw new S3Error(
        "SlowDown",
        "Please reduce your request rate (injected by EMULATOR_THROTTLE_RATE).",
      );
    }
    if (fault === "error") {
      throw new S3Error(
        "InternalError",
        "We encountered an internal error (injected by EMULATOR_ERROR_RATE). Please try again.",
      );
    }
    return await answer(name, call, storeOf(call.context.paths.s3Root), bucket, key);
  } catch (error) {
    drain(req);
    const s3Error =
      error instanceof S3Error
        ? error
        : new S3Error(
            "InternalError",
            `We encountered an internal error: ${error instanceof Error ? error.message : String(error)}`,
          );
    return sendS3Error(res, requestId, s3Error, method);
  }
};

function bucketAndKey(rawPath: string): { bucket: string; key: string | undefined } {
  const slash = rawPath.indexOf("/", 1);
  const rawBucket = slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash);
  const rawKey = slash < 0 ? "" : rawPath.slice(slash + 1);
  try {
    const bucket = decodeURIComponent(rawBucket);
    const key = rawKey === "" ? undefined : decodeURIComponent(rawKey);
    if (bucket === "") throw new S3Error("NotImplemented", "The local S3 does not list buckets.");
    return { bucket, key };
  } catch (error) {
    if (error instanceof S3Error) throw error;
    throw new S3Error("InvalidArgument", "The path is not valid percent-encoding.");
  }
}

function operationName(
  method: string,
  key: string | undefined,
  query: URLSearchParams,
  copy: boolean,
): string {
  if (key === undefined) {
    if (method === "PUT") return "CreateBucket";
    if (method === "HEAD") return "HeadBucket";
    if (method === "GET" && query.get("list-type") === "2") return "ListObjectsV2";
  } else {
    if (method === "GET") return "GetObject";
    if (method === "HEAD") return "HeadObject";
    if (method === "PUT" && query.has("uploadId")) return "UploadPart";
    if (method === "PUT" && !copy) return "PutObject";
    if (method === "POST" && query.has("uploads")) return "CreateMultipartUpload";
    if (method === "POST" && query.has("uploadId")) return "CompleteMultipartUpload";
    if (method === "DELETE" && query.has("uploadId")) return "AbortMultipartUpload";
    if (method === "DELETE") return "DeleteObject";
  }
  throw new S3Error(
    "NotImplemented",
    `The local S3 does not answer ${method} ${key === undefined ? "on a bucket" : "on an object"} with these parameters.`,
  );
}

const httpDate = (date: Date) => date.toUTCString();
const isoDate = (date: Date) => date.toISOString();

function objectHeaders(info: ObjectInfo): Record<string, string> {
  return {
    "content-type": "application/octet-stream",
    "content-length": String(info.size),
    "last-modified": httpDate(info.lastModified),
    etag: info.etag,
    "accept-ranges": "bytes",
  };
}

function empty(call: ServiceCall, status: number, headers: Record<string, string> = {}): number {
  call.res.writeHead(status, {
    "x-amz-request-id": call.requestId,
    "content-length": "0",
    ...headers,
  });
  call.res.end();
  return status;
}

async function answer(
  name: string,
  call: ServiceCall,
  store: S3Store,
  bucket: string,
  key: string | undefined,
): Promise<number> {
  const { req, res, requestId, query } = call;
  const body = () => ({ stream: req, awsChunked: isAwsChunked(req.headers) });
  switch (name) {
    case "CreateBucket":
      drain(req);
      store.createBucket(bucket);
      return empty(call, 200, { location: `/${bucket}` });
    case "HeadBucket":
      store.bucketDir(bucket);
      return empty(call, 200);
    case "ListObjectsV2":
      return listObjectsV2(call, store, bucket);
    case "HeadObject": {
      const info = store.head(bucket, key!);
      res.writeHead(200, { ...objectHeaders(info), "x-amz-request-id": requestId });
      res.end();
      return 200;
    }
    case "GetObject": {
      const info = store.head(bucket, key!);
      res.writeHead(200, { ...objectHeaders(info), "x-amz-request-id": requestId });
      // A reader that goes away (a cancelled preflight) ends the file stream too.
      await pipeline(fs.createReadStream(info.file), res).catch(() => undefined);
      return 200;
    }
    case "PutObject": {
      const info = await store.put(bucket, key!, body(), writeCondition(req));
      return empty(call, 200, { etag: info.etag });
    }
    case "DeleteObject": {
      const file = store.objectPath(bucket, key!);
      fs.rmSync(file, { force: true });
      return empty(call, 204);
    }
    case "CreateMultipartUpload": {
      drain(req);
      const uploadId = store.createUpload(bucket, key!);
      return sendXml(
        res,
        requestId,
        200,
        "InitiateMultipartUploadResult",
        element("Bucket", bucket) + element("Key", key) + element("UploadId", uploadId),
      );
    }
    case "UploadPart": {
      const etag = await store.uploadPart(
        bucket,
        key!,
        query.get("uploadId")!,
        Number(query.get("partNumber")),
        body(),
      );
      return empty(call, 200, { etag });
    }
    case "CompleteMultipartUpload": {
      const parts = parseCompleteDocument(await readXml(req));
      const info = await store.completeUpload(
        bucket,
        key!,
        query.get("uploadId")!,
        parts,
        writeCondition(req),
      );
      return sendXml(
        res,
        requestId,
        200,
        "CompleteMultipartUploadResult",
        element("Location", `/${bucket}/${key}`) +
          element("Bucket", bucket) +
          element("Key", key) +
          element("ETag", info.etag),
      );
    }
    case "AbortMultipartUpload":
      drain(req);
      store.abortUpload(bucket, key!, query.get("uploadId")!);
      return empty(call, 204);
  }
  throw new S3Error("NotImplemented", `The local S3 does not answer ${name}.`);
}

/** A write's `If-None-Match`: S3 takes only `*` (write only when no object is there). */
function writeCondition(req: IncomingMessage): WriteCondition {
  const value = req.headers["if-none-match"];
  if (value === undefined) return {};
  if (value.trim() !== "*") {
    throw new S3Error(
      "NotImplemented",
      "A header you provided implies functionality that is not implemented",
      {
        Header: "If-None-Match",
      },
    );
  }
  return { ifNoneMatch: true };
}

interface ListToken {
  /** The last key, or common prefix, of the page before. */
  after: string;
  /** Whether `after` is a common prefix: every key under it was rolled up and is skipped. */
  prefix: boolean;
}

function listObjectsV2(call: ServiceCall, store: S3Store, bucket: string): number {
  const { query } = call;
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const maxKeysParam = query.get("max-keys");
  const maxKeys = maxKeysParam === null ? MAX_KEYS : Number(maxKeysParam);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw new S3Error("InvalidArgument", "max-keys must be a non-negative integer.");
  }
  const encodingType = query.get("encoding-type") ?? undefined;
  if (encodingType !== undefined && encodingType !== "url") {
    throw new S3Error("InvalidArgument", "Invalid Encoding Method specified in Request");
  }
  const continuationToken = query.get("continuation-token") ?? undefined;
  const startAfter = query.get("start-after") ?? undefined;
  let from: ListToken | undefined;
  if (continuationToken !== undefined) {
    try {
      from = JSON.parse(Buffer.from(continuationToken, "base64url").toString("utf8")) as ListToken;
      if (typeof from.after !== "string") throw new Error();
    } catch {
      throw new S3Error("InvalidArgument", "The continuation token provided is incorrect.");
    }
  } else if (startAfter) {
    from = { after: startAfter, prefix: false };
  }

  const limit = Math.min(maxKeys, MAX_KEYS);
  const contents: ObjectInfo[] = [];
  const commonPrefixes: string[] = [];
  let last: ListToken | undefined;
  let truncated = false;
  for (const object of store.listKeys(bucket, prefix)) {
    if (
      from &&
      (compareKeys(object.key, from.after) <= 0 ||
        (from.prefix && object.key.startsWith(from.after)))
    ) {
      continue;
    }
    const rest = object.key.slice(prefix.length);
    const at = delimiter === "" ? -1 : rest.indexOf(delimiter);
    const rolledUp = at < 0 ? undefined : prefix + rest.slice(0, at + delimiter.length);
    if (rolledUp !== undefined && last?.prefix && last.after === rolledUp) continue;
    if (contents.length + commonPrefixes.length >= limit) {
      truncated = true;
      break;
    }
    if (rolledUp !== undefined) {
      commonPrefixes.push(rolledUp);
      last = { after: rolledUp, prefix: true };
    } else {
      contents.push(object);
      last = { after: object.key, prefix: false };
    }
  }
  // Percent-encoded UTF-8, parentheses too (S3's example: test_file(3).png is test_file%283%29.png),
  // a space as "+" and slashes kept: clients decode with unquote_plus (botocore).
  const encode = (text: string) =>
    encodingType === "url"
      ? encodeURIComponent(text)
          .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
          .replace(/%20/g, "+")
          .replace(/%2F/gi, "/")
      : text;
  const nextToken =
    truncated && last ? Buffer.from(JSON.stringify(last)).toString("base64url") : undefined;
  const inner =
    element("Name", bucket) +
    element("Prefix", encode(prefix)) +
    element("ContinuationToken", continuationToken) +
    element("StartAfter", startAfter === undefined ? undefined : encode(startAfter)) +
    element("KeyCount", contents.length + commonPrefixes.length) +
    element("MaxKeys", maxKeys) +
    element("Delimiter", delimiter === "" ? undefined : encode(delimiter)) +
    element("EncodingType", encodingType) +
    element("IsTruncated", truncated) +
    element("NextContinuationToken", nextToken) +
    contents
      .map(
        (o) =>
          `<Contents>${element("Key", encode(o.key))}${element("LastModified", isoDate(o.lastModified))}${element("ETag", o.etag)}${element("Size", o.size)}${element("StorageClass", "STANDARD")}</Contents>`,
      )
      .join("") +
    commonPrefixes
      .map((p) => `<CommonPrefixes>${element("Prefix", encode(p))}</CommonPrefixes>`)
      .join("");
  return sendXml(call.res, call.requestId, 200, "ListBucketResult", inner);
}

async function readXml(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_XML_BYTES) throw new S3Error("MalformedXML", "The XML document is too large.");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The parts of a `<CompleteMultipartUpload>` document. */
function parseCompleteDocument(xml: string): { partNumber: number; etag: string }[] {
  if (!/<CompleteMultipartUpload[\s>]/.test(xml)) {
    throw new S3Error(
      "MalformedXML",
      "The XML you provided was not well-formed or did not validate against our published schema.",
    );
  }
  const parts: { partNumber: number; etag: string }[] = [];
  for (const match of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const partNumber = Number(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(match[1]!)?.[1]);
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(match[1]!)?.[1];
    if (!Number.isInteger(partNumber) || etag === undefined) {
      throw new S3Error("MalformedXML", "Each Part needs a PartNumber and an ETag.");
    }
    parts.push({ partNumber, etag: unescapeXml(etag) });
  }
  return parts;
}
