// Run: npx tsx bench/emulator-lookalike.ts [trainingUsers=100000] [seedUsers=10000]
//
// CPU cost of the emulator's lookalike computation: 100,000 training users
// and a 10,000-user seed read from a JSON lines file, ranked and scored for a
// five-size model, as the compute worker does it for one job. Training data
// generation (once per process, cached afterwards) is measured apart. CPU
// seconds come from process.cpuUsage() (user + system). The target is under
// 3 s of CPU per job. Prints figures; it is not a test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { SEED_LIMITS } from "../emulator/engine";
import { computeLookalike } from "../emulator/lookalike/compute";
import { createRandom } from "../emulator/lookalike/random";
import { readSeed } from "../emulator/lookalike/seed";
import { generateTrainingData, userIdOf, usersOfGroup } from "../emulator/lookalike/training-data";

const trainingUsers = Number(process.argv[2] ?? 100_000);
const seedUsers = Number(process.argv[3] ?? 10_000);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const measure = <T>(fn: () => T): [T, number, number] => {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = fn();
  return [value, cpuSeconds(cpu), (performance.now() - wall) / 1000];
};

const [data, generationCpu, generationWall] = measure(() =>
  generateTrainingData(2024, trainingUsers),
);

// Seeds: mostly one interest group, topped up at random, as a real seed is.
const random = createRandom(1);
const sports = usersOfGroup(data, "sports");
const chosen = new Set<number>(
  sports.slice(0, Math.min(sports.length, Math.floor(seedUsers * 0.8))),
);
while (chosen.size < seedUsers) chosen.add(Math.floor(random() * trainingUsers));
const s3Root = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-bench-s3-"));
fs.mkdirSync(path.join(s3Root, "bench"));
fs.writeFileSync(
  path.join(s3Root, "bench", "seed.jsonl"),
  [...chosen].map((u) => `{"user_id": "${userIdOf(u)}"}`).join("\n"),
);

const runs: { read: number; compute: number; wall: number; recall: number | undefined }[] = [];
for (let run = 0; run < 5; run++) {
  const [seed, readCpu, readWall] = measure(() =>
    readSeed(
      { kind: "s3", s3Uri: "s3://bench/seed.jsonl" },
      { s3Root, seedDatabase: "" },
      SEED_LIMITS,
    ),
  );
  if (!seed.ok) throw new Error(seed.message);
  const [result, computeCpu, computeWall] = measure(() =>
    computeLookalike(data, {
      seedUserIds: seed.userIds,
      minMatchingSeedSize: 25,
      audienceSizeConfig: { audienceSizeType: "PERCENTAGE", audienceSizeBins: [5, 10, 20, 30, 50] },
      includeSeedInOutput: false,
      shareMetrics: true,
    }),
  );
  if (!result.ok) throw new Error(result.message);
  runs.push({
    read: readCpu,
    compute: computeCpu,
    wall: readWall + computeWall,
    recall: result.metrics?.recallMetric,
  });
}
fs.rmSync(s3Root, { recursive: true, force: true });

const first = runs[0];
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const perJob = runs.map((r) => r.read + r.compute);
console.log(
  `Lookalike computation, ${trainingUsers.toLocaleString("en-US")} training users, ${seedUsers.toLocaleString("en-US")}-user seed`,
);
console.log(
  `  training data generation (once per process)   ${generationCpu.toFixed(3)} s CPU (${generationWall.toFixed(3)} s wall)`,
);
console.log(
  `  per job, first run: read seed ${first?.read.toFixed(3)} s + rank and score ${first?.compute.toFixed(3)} s = ${perJob[0]?.toFixed(3)} s CPU`,
);
console.log(
  `  per job, median of ${runs.length} runs                     ${median(perJob).toFixed(3)} s CPU (${median(runs.map((r) => r.wall)).toFixed(3)} s wall)`,
);
console.log(
  `  generation + first job                         ${(generationCpu + (perJob[0] ?? 0)).toFixed(3)} s CPU`,
);
console.log(`  recall of this seed                            ${first?.recall}`);
console.log(
  `  load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(
  generationCpu + (perJob[0] ?? 0) < 3
    ? "  target of < 3 s CPU: met"
    : "  target of < 3 s CPU: NOT met",
);
