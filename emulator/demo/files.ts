/**
 * The demo files a fresh data folder gets: seed files under the stand-in S3
 * and the seed owner's SQLite database. Drawn deterministically from the
 * training data, so the sports fans really are sports fans.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

import { createRandom, type Random } from "../lookalike/random";
import {
  INTEREST_GROUPS,
  userIdOf,
  usersOfGroup,
  type TrainingData,
} from "../lookalike/training-data";

export interface DemoFilesSpec {
  s3Root: string;
  seedDatabase: string;
  generatorSeed: number;
}

/** Keys under `s3://demo-seeds/`. */
export const DEMO_SEED_KEYS = {
  sportsFans: "sports-fans.jsonl",
  randomSample: "random-sample.jsonl",
  fitnessFolder: "fitness/",
  tooSmall: "too-small.jsonl",
  malformed: "malformed.jsonl",
  missingUserId: "missing-user-id.jsonl",
  unknownUsers: "unknown-users.jsonl",
} as const;
export const DEMO_SEED_BUCKET = "demo-seeds";

export const SEED_OWNER_SCHEMA = `CREATE TABLE customers (
  user_id TEXT PRIMARY KEY,      -- the ID shared with the training data (u0000001 …) or one it lacks (c…)
  segment TEXT NOT NULL,         -- main interest: ${INTEREST_GROUPS.join(", ")}
  region TEXT NOT NULL,          -- north, south, east, west
  loyalty_tier TEXT NOT NULL,    -- bronze, silver, gold
  lifetime_value REAL NOT NULL,  -- in USD
  signup_date TEXT NOT NULL      -- YYYY-MM-DD
)`;

function shuffled(values: number[], random: Random): number[] {
  const a = values.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

const jsonLines = (ids: string[]) =>
  ids.map((id) => JSON.stringify({ user_id: id }).replace(":", ": ")).join("\n") + "\n";

function writeFile(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export function writeDemoFiles(data: TrainingData, spec: DemoFilesSpec): void {
  const random = createRandom(spec.generatorSeed ^ 0x5eed5eed);
  const bucket = path.join(spec.s3Root, DEMO_SEED_BUCKET);
  const all = Array.from({ length: data.users }, (_, i) => i);
  const pick = (values: number[], count: number) =>
    shuffled(values, random)
      .slice(0, count)
      .sort((a, b) => a - b);

  const sports = usersOfGroup(data, "sports");
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.sportsFans),
    jsonLines(pick(sports, Math.min(2000, Math.floor(sports.length / 2))).map(userIdOf)),
  );
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.randomSample),
    jsonLines(pick(all, Math.min(2000, Math.floor(data.users / 20))).map(userIdOf)),
  );
  const fitness = pick(usersOfGroup(data, "fitness"), 1000).map(userIdOf);
  const half = Math.ceil(fitness.length / 2);
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.fitnessFolder, "part-00000.jsonl"),
    jsonLines(fitness.slice(0, half)),
  );
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.fitnessFolder, "part-00001.jsonl"),
    jsonLines(fitness.slice(half)),
  );
  writeFile(path.join(bucket, DEMO_SEED_KEYS.tooSmall), jsonLines(pick(all, 10).map(userIdOf)));
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.malformed),
    "user_id,segment\n" +
      pick(all, 50)
        .map((u) => `${userIdOf(u)},sports`)
        .join("\n") +
      "\n",
  );
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.missingUserId),
    pick(all, 50)
      .map((u) => JSON.stringify({ id: userIdOf(u) }))
      .join("\n") + "\n",
  );
  writeFile(
    path.join(bucket, DEMO_SEED_KEYS.unknownUsers),
    jsonLines(Array.from({ length: 300 }, (_, i) => `x${String(i + 1).padStart(7, "0")}`)),
  );

  writeSeedOwnerDatabase(data, spec.seedDatabase, random);
}

const REGIONS = ["north", "south", "east", "west"] as const;
const SIGNUP_START = Date.UTC(2019, 0, 1);
const SIGNUP_DAYS = 6 * 365;

/** Customers of the seed owner: 40% of the training users plus some the training data lacks. */
function writeSeedOwnerDatabase(data: TrainingData, file: string, random: Random): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const db = new Database(temporary);
  try {
    db.exec(SEED_OWNER_SCHEMA);
    const insert = db.prepare("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)");
    const row = (userId: string, group: number) => {
      const tierDraw = random();
      insert.run(
        userId,
        INTEREST_GROUPS[group] ?? "sports",
        REGIONS[Math.floor(random() * REGIONS.length)] ?? "north",
        tierDraw < 0.6 ? "bronze" : tierDraw < 0.9 ? "silver" : "gold",
        Math.round((20 + random() * 1980) * 100) / 100,
        new Date(SIGNUP_START + Math.floor(random() * SIGNUP_DAYS) * 86_400_000)
          .toISOString()
          .slice(0, 10),
      );
    };
    db.transaction(() => {
      let customers = 0;
      for (let u = 0; u < data.users; u++) {
        if (random() >= 0.4) continue;
        row(userIdOf(u), data.primaryGroup[u] ?? 0);
        customers++;
      }
      const outsiders = Math.floor(customers / 20);
      for (let i = 0; i < outsiders; i++) {
        row(`c${String(i + 1).padStart(7, "0")}`, Math.floor(random() * INTEREST_GROUPS.length));
      }
    })();
  } finally {
    db.close();
  }
  fs.renameSync(temporary, file);
}
