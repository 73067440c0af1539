/** The emulator's state: one SQLite file, one store object per kind of resource. */
import { SchedulerStore } from "../scheduler/store";
import { openDatabase, type Db } from "./database";
import { ExportJobStore } from "./export-jobs";
import { GenerationJobStore } from "./generation-jobs";
import { ModelStore } from "./models";
import { TagStore } from "./tags";

export interface Store {
  db: Db;
  models: ModelStore;
  jobs: GenerationJobStore;
  exports: ExportJobStore;
  tags: TagStore;
  /** EventBridge Scheduler's schedule groups, schedules and firings. */
  schedules: SchedulerStore;
  meta: { get(key: string): string | undefined; set(key: string, value: string): void };
  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function openStore(dataDir: string): Store {
  const db = openDatabase(dataDir);
  const getMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?");
  const setMeta = db.prepare<[string, string]>(
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  return {
    db,
    models: new ModelStore(db),
    jobs: new GenerationJobStore(db),
    exports: new ExportJobStore(db),
    tags: new TagStore(db),
    schedules: new SchedulerStore(db),
    meta: {
      get: (key) => getMeta.get(key)?.value,
      set: (key, value) => void setMeta.run(key, value),
    },
    transaction: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}

export type { Db } from "./database";
export type { GenerationJobRow } from "./generation-jobs";
export type { ExportJobRow } from "./export-jobs";
export type {
  AnalysisTemplateParameter,
  AnalysisTemplateRow,
  AudienceModelRow,
  ConfiguredAudienceModelRow,
  TrainingDatasetRow,
} from "./models";
