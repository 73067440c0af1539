import "server-only";

import { ListObjectsV2Command } from "@aws-sdk/client-s3";

import { s3 } from "@/lib/s3";

import { checkSeedAccess } from "./access";
import { baseName } from "./locations";
import type { SeedFolderPage } from "./types";

/** Entries per page of the browser. */
export const BROWSE_PAGE_SIZE = 100;

/**
 * One page of a folder of a seed location: its sub-folders (common prefixes)
 * and files, optionally only those whose names start with `search`.
 */
export async function listSeedFolder({
  bucket,
  prefix,
  search = "",
  token,
}: {
  bucket: string;
  prefix: string;
  search?: string;
  token?: string;
}): Promise<SeedFolderPage> {
  const { key: listed } = checkSeedAccess(bucket, prefix + search);
  const page = await s3().send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: listed,
      Delimiter: "/",
      MaxKeys: BROWSE_PAGE_SIZE,
      ContinuationToken: token,
    }),
  );
  return {
    bucket,
    prefix,
    folders: (page.CommonPrefixes ?? [])
      .flatMap((p) => (p.Prefix ? [p.Prefix] : []))
      .map((p) => ({ prefix: p, name: baseName(p) })),
    files: (page.Contents ?? [])
      .filter((o) => o.Key !== undefined && !o.Key.endsWith("/"))
      .map((o) => ({
        key: o.Key!,
        name: baseName(o.Key!),
        size: o.Size ?? 0,
        lastModified: o.LastModified?.toISOString(),
      })),
    ...(page.IsTruncated && page.NextContinuationToken
      ? { nextToken: page.NextContinuationToken }
      : {}),
  };
}
