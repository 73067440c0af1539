/**
 * S3's REST-XML wire details for the local S3: XML answers, S3's error
 * document (`<Error><Code>NoSuchKey</Code>…`) with its HTTP status, and the
 * `aws-chunked` request bodies the SDK sends when it streams a body with a
 * trailing checksum.
 */
import type { ServerResponse } from "node:http";
import { Transform, type TransformCallback } from "node:stream";

/** The S3 error codes the local S3 answers, with their HTTP status (S3's error code list). */
export const S3_ERROR_STATUS = {
  AccessDenied: 403,
  EntityTooSmall: 400,
  InternalError: 500,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  InvalidRequest: 400,
  MalformedXML: 400,
  MethodNotAllowed: 405,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchUpload: 404,
  NotImplemented: 501,
  PreconditionFailed: 412,
  SlowDown: 503,
} as const;
export type S3ErrorCode = keyof typeof S3_ERROR_STATUS;

export class S3Error extends Error {
  constructor(
    readonly code: S3ErrorCode,
    message: string,
    /** Extra elements of the error document, such as `Key` or `BucketName`. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }

  get status(): number {
    return S3_ERROR_STATUS[this.code];
  }
}

export const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

export const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name.toLowerCase()]!;
  });

/** `<Name>value</Name>`, the value escaped; nothing for undefined. */
export const element = (name: string, value: string | number | boolean | undefined) =>
  value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;

const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

export function sendXml(
  res: ServerResponse,
  requestId: string,
  status: number,
  root: string,
  inner: string,
  headers: Record<string, string> = {},
): number {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${XMLNS}">${inner}</${root}>`;
  res.writeHead(status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(body),
    "x-amz-request-id": requestId,
    ...headers,
  });
  res.end(body);
  return status;
}

/** S3's error answer; a HEAD answer carries no body, as S3's does. */
export function sendS3Error(
  res: ServerResponse,
  requestId: string,
  error: S3Error,
  method: string,
): number {
  if (res.headersSent) {
    res.destroy();
    return error.status;
  }
  if (method === "HEAD") {
    res.writeHead(error.status, { "x-amz-request-id": requestId, "x-amz-error-code": error.code });
    res.end();
    return error.status;
  }
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${element("Code", error.code)}${element("Message", error.message)}` +
    Object.entries(error.details)
      .map(([name, value]) => element(name, value))
      .join("") +
    `${element("RequestId", requestId)}</Error>`;
  res.writeHead(error.status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(body),
    "x-amz-request-id": requestId,
  });
  res.end(body);
  return error.status;
}

/** True when the body is sent `aws-chunked` (a streamed body signed or checksummed chunk by chunk). */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const encoding = String(headers["content-encoding"] ?? "");
  const sha = String(headers["x-amz-content-sha256"] ?? "");
  return (
    encoding.split(",").some((e) => e.trim() === "aws-chunked") || sha.startsWith("STREAMING-")
  );
}

/**
 * Decodes an `aws-chunked` body: `<hex size>[;chunk-signature=…]\r\n<data>\r\n`
 * repeated, ending with a zero-size chunk and optional trailer lines (the
 * checksum, which the local S3 does not check). Chunk data passes straight
 * through; only a chunk header is ever held.
 */
export class AwsChunkedDecoder extends Transform {
  private header = "";
  private remaining = 0;
  /** Bytes of the `\r\n` after a chunk's data still to skip. */
  private skip = 0;
  private done = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    let offset = 0;
    while (offset < chunk.length && !this.done) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.push(chunk.subarray(offset, offset + take));
        offset += take;
        this.remaining -= take;
        if (this.remaining === 0) this.skip = 2;
        continue;
      }
      if (this.skip > 0) {
        const take = Math.min(this.skip, chunk.length - offset);
        offset += take;
        this.skip -= take;
        continue;
      }
      const newline = chunk.indexOf(0x0a, offset);
      const end = newline < 0 ? chunk.length : newline + 1;
      this.header += chunk.subarray(offset, end).toString("latin1");
      offset = end;
      if (this.header.length > 4096) {
        callback(
          new S3Error("InvalidRequest", "The aws-chunked body has a malformed chunk header."),
        );
        return;
      }
      if (newline < 0) continue;
      const line = this.header.trim();
      this.header = "";
      const size = parseInt(line.split(";")[0]!, 16);
      if (!Number.isFinite(size) || size < 0) {
        callback(
          new S3Error("InvalidRequest", "The aws-chunked body has a malformed chunk header."),
        );
        return;
      }
      if (size === 0)
        this.done = true; // trailers (checksums) follow; ignored
      else this.remaining = size;
    }
    callback();
  }
}
