/**
 * For tests: checks a received request's SigV4 `Authorization` header with an
 * implementation independent of the client's signer (node:crypto, written
 * from the published SigV4 algorithm), so a request that was signed one way
 * and sent another is caught.
 */
import { createHash, createHmac } from "node:crypto";

import type { RecordedRequest } from "./loopback-server";

export interface ParsedAuthorization {
  algorithm: string;
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^(\S+) Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = AUTHORIZATION.exec(header ?? "");
  if (!match) return undefined;
  const [, algorithm, accessKeyId, date, region, service, terminator, signedHeaders, signature] =
    match;
  return {
    algorithm: algorithm ?? "",
    accessKeyId: accessKeyId ?? "",
    date: date ?? "",
    region: region ?? "",
    service: service ?? "",
    terminator: terminator ?? "",
    signedHeaders: (signedHeaders ?? "").split(";"),
    signature: signature ?? "",
  };
}

const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data, "utf8").digest();

/** The signature the request should carry, given the secret key. */
export function expectedSignature(request: RecordedRequest, secretAccessKey: string): string {
  const auth = parseAuthorization(request.headers.authorization);
  if (!auth) throw new Error(`No SigV4 Authorization header: ${request.headers.authorization}`);
  const amzDate = String(request.headers["x-amz-date"]);

  // Non-S3 services: every path segment is encoded once more on top of the wire form.
  const canonicalUri = request.rawPath.split("/").map(rfc3986).join("/");
  const canonicalQuery = request.rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const [key = "", value = ""] = pair.split("=");
      return [rfc3986(decodeURIComponent(key)), rfc3986(decodeURIComponent(value))] as const;
    })
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : va > vb ? 1 : 0) : ka < kb ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const canonicalHeaders = auth.signedHeaders
    .map((name) => {
      const raw = request.headers[name];
      const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
      return `${name}:${value.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const canonicalRequest = [
    request.method,
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    sha256Hex(request.body),
  ].join("\n");

  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${secretAccessKey}`, auth.date);
  const kRegion = hmac(kDate, auth.region);
  const kService = hmac(kRegion, auth.service);
  const kSigning = hmac(kService, "aws4_request");
  return createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
}
