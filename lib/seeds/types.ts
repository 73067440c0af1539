/** What the seed routes answer (app/api/seeds/*), shared by the server and the browser. */
import type { SeedLocation } from "./locations";
import type { SeedCounts } from "./tally";

export type { SeedCounts, SeedLocation };

export interface SeedFolderEntry {
  /** The full prefix, ending with `/`. */
  prefix: string;
  name: string;
}

export interface SeedFileEntry {
  key: string;
  name: string;
  size: number;
  /** ISO 8601. */
  lastModified: string | undefined;
}

/** One page of a folder of a seed location. */
export interface SeedFolderPage {
  bucket: string;
  prefix: string;
  folders: SeedFolderEntry[];
  files: SeedFileEntry[];
  /** Pass back as `token` for the next page; absent on the last. */
  nextToken?: string;
}

export interface SeedReport extends SeedCounts {
  uri: string;
  /** True when the URI is a folder: every object under it was read, as the service reads it. */
  folder: boolean;
  /** Objects read. */
  objects: number;
  /** The seed's size, every object together. */
  totalBytes: number;
  bytesRead: number;
  /** True when reading stopped at {@link SeedReport.byteLimit}: the counts are of what was read. */
  stoppedAtByteLimit: boolean;
  byteLimit: number;
  /** The service's rules this seed breaks, in plain words; empty when it keeps them all. */
  problems: string[];
  durationMs: number;
}

export interface SeedUploadResult {
  uri: string;
  /** Bytes received from the browser. */
  bytes: number;
  /** CSV rows (header excluded) or JSON lines read. */
  rows: number;
  /** Unique user IDs written. */
  ids: number;
  /** Rows whose ID was already written. */
  duplicates: number;
  /** Rows without a value in the chosen column (or blank lines). */
  skipped: number;
}
