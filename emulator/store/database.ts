/**
 * The emulator's SQLite file (better-sqlite3 12, WAL, synchronous FULL): every
 * acknowledged write is on disk before the response leaves, so a killed
 * process loses nothing it answered.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

export const STATE_FILE = "state.sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS training_datasets (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  generator_seed INTEGER NOT NULL,
  users INTEGER NOT NULL,
  create_time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audience_models (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  training_dataset_arn TEXT NOT NULL REFERENCES training_datasets(arn),
  status TEXT NOT NULL,
  kms_key_arn TEXT,
  training_data_start_time INTEGER,
  training_data_end_time INTEGER,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS configured_audience_models (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  audience_model_arn TEXT NOT NULL REFERENCES audience_models(arn),
  output_config TEXT NOT NULL,
  shared_audience_metrics TEXT NOT NULL,
  min_matching_seed_size INTEGER,
  audience_size_config TEXT NOT NULL,
  child_resource_tag_on_create_policy TEXT,
  status TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis_templates (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sql TEXT NOT NULL,
  parameters TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audience_generation_jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  configured_audience_model_arn TEXT NOT NULL,
  collaboration_id TEXT,
  started_by TEXT NOT NULL,
  seed_audience TEXT,
  include_seed_in_output INTEGER,
  protected_query_identifier TEXT,
  create_time INTEGER NOT NULL,
  pending_ms INTEGER NOT NULL,
  outcome TEXT,
  finish_time INTEGER,
  status_code TEXT,
  status_message TEXT,
  metrics TEXT,
  seed_users INTEGER,
  matched_seed_users INTEGER,
  population INTEGER,
  segment BLOB,
  delete_time INTEGER,
  delete_pending_ms INTEGER,
  delete_progress_ms INTEGER,
  status TEXT NOT NULL,
  update_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS audience_generation_jobs_status ON audience_generation_jobs(status);
CREATE INDEX IF NOT EXISTS audience_generation_jobs_uncomputed ON audience_generation_jobs(seq) WHERE outcome IS NULL;
CREATE TABLE IF NOT EXISTS audience_export_jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  audience_generation_job_arn TEXT NOT NULL,
  audience_size_type TEXT NOT NULL,
  audience_size_value INTEGER NOT NULL,
  users INTEGER NOT NULL,
  output_location TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  pending_ms INTEGER NOT NULL,
  progress_ms INTEGER NOT NULL,
  outcome TEXT,
  finish_time INTEGER,
  status_code TEXT,
  status_message TEXT,
  status TEXT NOT NULL,
  update_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS audience_export_jobs_job ON audience_export_jobs(audience_generation_job_arn);
CREATE INDEX IF NOT EXISTS audience_export_jobs_status ON audience_export_jobs(status);
CREATE INDEX IF NOT EXISTS audience_export_jobs_unwritten ON audience_export_jobs(seq) WHERE outcome IS NULL;
CREATE TABLE IF NOT EXISTS configured_audience_model_policies (
  configured_audience_model_arn TEXT PRIMARY KEY,
  policy TEXT NOT NULL,
  policy_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tags (
  resource_arn TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_arn, key)
);
`;

export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, STATE_FILE));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  return db;
}
