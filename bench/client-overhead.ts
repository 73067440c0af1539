// Run: npx tsx bench/client-overhead.ts [calls=2000]
//
// The Clean Rooms ML client's own cost per call: a local node:http server
// answers a canned GetAudienceGenerationJob; the same number of calls go
// through the client and through a bare `fetch` + JSON.parse, interleaved so
// both see the same machine state. The difference is what the client adds
// (serializing, SigV4 signing, response reading, Date parsing). Prints
// figures; it is not a test.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

import { CleanRoomsMLClient, GetAudienceGenerationJobCommand } from "../lib/cleanrooms-ml";
import { GetAudienceGenerationJobCommand as Command } from "../lib/cleanrooms-ml/commands";
import { parseEndpoint, serializeRequest } from "../lib/cleanrooms-ml/protocol";
import { createSigner } from "../lib/cleanrooms-ml/signing";

const CALLS = Number(process.argv[2] ?? 2000);
const WARMUP = 200;
const JOB_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/7f3c6a2e-0b7d-4b4e-9a51-2f1d8c7e4b10";
const BODY = JSON.stringify({
  createTime: "2024-03-01T10:00:00Z",
  updateTime: "2024-03-01T10:05:30.250Z",
  audienceGenerationJobArn: JOB_ARN,
  name: "spring-shoes",
  description: "Lookalikes of spring buyers",
  status: "ACTIVE",
  configuredAudienceModelArn:
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/cam",
  seedAudience: {
    dataSource: { s3Uri: "s3://seeds/users.csv" },
    roleArn: "arn:aws:iam::123456789012:role/seed",
  },
  includeSeedInOutput: false,
  metrics: {
    relevanceMetrics: [10_000, 50_000, 100_000, 500_000].map((value, i) => ({
      audienceSize: { type: "ABSOLUTE", value },
      score: 2 - i * 0.3,
    })),
    recallMetric: 0.42,
  },
  startedBy: "123456789012",
  tags: { team: "growth" },
});

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;

async function main() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "bench" });
      res.end(BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "bench-secret" };

  const client = new CleanRoomsMLClient({ region: "us-east-1", endpoint, credentials });
  const rawUrl = `${endpoint}/audience-generation-job/${encodeURIComponent(JOB_ARN)}`;

  const viaClient = async () => {
    const job = await client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }),
    );
    if (job.status !== "ACTIVE") throw new Error("unexpected response");
  };
  const viaFetch = async () => {
    const res = await fetch(rawUrl);
    const job = JSON.parse(await res.text()) as { status?: string };
    if (job.status !== "ACTIVE") throw new Error("unexpected response");
  };
  // The client's CPU work without the network: build the request and sign it.
  const signer = createSigner({ region: async () => "us-east-1", credentials });
  const target = parseEndpoint(endpoint);
  const signOnly = async () => {
    const command = new Command({ audienceGenerationJobArn: JOB_ARN });
    await signer.sign(serializeRequest(command.operation, command.input, target));
  };

  for (let i = 0; i < WARMUP; i++) {
    await viaFetch();
    await viaClient();
    await signOnly();
  }

  const clientTimes: number[] = [];
  const fetchTimes: number[] = [];
  const signTimes: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    let start = performance.now();
    await viaFetch();
    fetchTimes.push(performance.now() - start);

    start = performance.now();
    await viaClient();
    clientTimes.push(performance.now() - start);

    start = performance.now();
    await signOnly();
    signTimes.push(performance.now() - start);
  }
  server.close();

  const c = stats(clientTimes);
  const f = stats(fetchTimes);
  const s = stats(signTimes);
  console.log(
    `Clean Rooms ML client overhead: ${CALLS} GetAudienceGenerationJob calls each (after ${WARMUP} warm-up), Node ${process.version}`,
  );
  console.log(`                      median        p95       mean`);
  console.log(`raw fetch + JSON    ${us(f.median)} ${us(f.p95)} ${us(f.mean)}`);
  console.log(`client.send         ${us(c.median)} ${us(c.p95)} ${us(c.mean)}`);
  console.log(
    `difference          ${us(c.median - f.median)} ${us(c.p95 - f.p95)} ${us(c.mean - f.mean)}`,
  );
  console.log(
    `  of which serialize + SigV4 sign (no network): ${us(s.median)} median, ${us(s.p95)} p95`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
