/**
 * The dashboard's seed reads and writes (lib/seeds/*, app/api/seeds/*)
 * against the local service's S3, through the official S3 client: the
 * preflight of good, duplicate-heavy, malformed, too-small, too-large and
 * folder seeds; browsing; uploads; and the SEED_BUCKETS allow-list refusing
 * everything else on the server.
 */
import fs from "node:fs";
import path from "node:path";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { DEMO_SEED_BUCKET } from "@/emulator/demo/files";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";

type Route = (request: Request) => Promise<Response>;

let emulator: TestEmulator;
let client: S3Client;
let routes: { list: Route; preflight: Route; upload: Route; locations: Route };
let preflightSeed: typeof import("./preflight").preflightSeed;
let uploadSeed: typeof import("./upload").uploadSeed;

const lines = (ids: string[]) => ids.map((id) => `{"user_id": "${id}"}\n`).join("");
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `user-${from + i}`);

async function put(bucket: string, key: string, body: string) {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

async function exists(bucket: string, key: string) {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

const BASE = "http://127.0.0.1:3000";
const get = async (route: Route, pathAndQuery: string) => {
  const response = await route(new Request(BASE + pathAndQuery));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};
const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function upload(params: Record<string, string>, body: string | Uint8Array, headers = {}) {
  const response = await routes.upload(
    new Request(`${BASE}/api/seeds/upload?${qs(params)}`, {
      method: "POST",
      body: body as BodyInit,
      headers: { "content-type": "application/octet-stream", ...headers },
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const leftoverUploads = () => {
  const dir = path.join(emulator.dataDir, "s3-uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

beforeAll(async () => {
  emulator = await startTestEmulator();
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", emulator.url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
  vi.stubEnv("SEED_BUCKETS", `${DEMO_SEED_BUCKET}, s3://test-seeds/allowed`);
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("cleanrooms-ml-dashboard.s3")];
  client = new S3Client({
    endpoint: emulator.url,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  for (const bucket of ["test-seeds", "other-bucket"]) {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await put("test-seeds", "allowed/good.jsonl", lines(ids(100)));
  // 30 users, each 20 times.
  await put(
    "test-seeds",
    "allowed/duplicates.jsonl",
    lines(Array.from({ length: 600 }, (_, i) => `user-${i % 30}`)),
  );
  await put(
    "test-seeds",
    "allowed/malformed.jsonl",
    `${lines(ids(40))}\nnot json\n{"id": "x"}\n[1]\n{"user_id": ""}\n{"user_id": 42}\n{"user_id":"a","x":1}\n{"user_id": "z"`,
  );
  await put("test-seeds", "allowed/small.jsonl", lines(ids(10)));
  await put("test-seeds", "allowed/large.jsonl", lines(ids(500_001)));
  await put("test-seeds", "allowed/folder/part-0.jsonl", lines(ids(20)));
  await put("test-seeds", "allowed/folder/part-1.jsonl", lines(ids(20, 10)));
  await put("test-seeds", "outside.jsonl", lines(ids(100)));
  await put("other-bucket", "seed.jsonl", lines(ids(100)));

  ({ preflightSeed } = await import("./preflight"));
  ({ uploadSeed } = await import("./upload"));
  routes = {
    list: (await import("@/app/api/seeds/list/route")).GET,
    preflight: (await import("@/app/api/seeds/preflight/route")).GET,
    upload: (await import("@/app/api/seeds/upload/route")).POST,
    locations: (await import("@/app/api/seeds/locations/route")).GET,
  };
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  client?.destroy();
  await emulator?.close();
});

const signal = () => new AbortController().signal;

describe("preflight", () => {
  it("counts a good seed and finds nothing wrong", async () => {
    const report = await preflightSeed("s3://test-seeds/allowed/good.jsonl", signal());
    expect(report).toMatchObject({
      folder: false,
      objects: 1,
      lines: 100,
      uniqueIds: 100,
      duplicates: 0,
      blankLines: 0,
      malformedLines: 0,
      problems: [],
      stoppedAtByteLimit: false,
    });
    expect(report.bytesRead).toBe(report.totalBytes);
  });

  it("counts duplicates: 600 lines, 30 unique IDs", async () => {
    const report = await preflightSeed("s3://test-seeds/allowed/duplicates.jsonl", signal());
    expect(report).toMatchObject({ lines: 600, uniqueIds: 30, duplicates: 570, problems: [] });
  });

  it("names the first malformed lines, with line numbers and what is wrong", async () => {
    const report = await preflightSeed("s3://test-seeds/allowed/malformed.jsonl", signal());
    expect(report.uniqueIds).toBe(42); // 40, 42 and "a"
    expect(report.blankLines).toBe(1);
    expect(report.malformedLines).toBe(5);
    expect(report.malformed).toEqual([
      { line: 42, problem: expect.stringMatching(/not valid JSON/) },
      { line: 43, problem: expect.stringMatching(/no user_id/) },
      { line: 44, problem: expect.stringMatching(/no user_id/) },
      { line: 45, problem: expect.stringMatching(/no user_id/) },
      { line: 48, problem: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(report.problems).toEqual([
      "5 malformed lines: the service fails the job at the first (line 42).",
    ]);
  });

  it("flags too few and too many unique IDs", async () => {
    const small = await preflightSeed("s3://test-seeds/allowed/small.jsonl", signal());
    expect(small.problems).toEqual(["10 unique user IDs: at least 25 are required."]);
    const large = await preflightSeed("s3://test-seeds/allowed/large.jsonl", signal());
    expect(large).toMatchObject({ uniqueOverMax: true, lines: 500_001 });
    expect(large.problems).toEqual([
      "More than 500,000 unique user IDs: at most 500,000 are allowed.",
    ]);
  });

  it("reads every object of a folder, named with or without its slash", async () => {
    for (const uri of ["s3://test-seeds/allowed/folder/", "s3://test-seeds/allowed/folder"]) {
      const report = await preflightSeed(uri, signal());
      expect(report).toMatchObject({
        uri: "s3://test-seeds/allowed/folder/",
        folder: true,
        objects: 2,
        lines: 40,
        uniqueIds: 30,
        duplicates: 10,
      });
      expect(report.problems).toEqual([]);
    }
  });

  it("stops at the byte limit and says so", async () => {
    const report = await preflightSeed("s3://test-seeds/allowed/good.jsonl", signal(), 1000);
    expect(report.stoppedAtByteLimit).toBe(true);
    expect(report.bytesRead).toBe(1000);
    expect(report.lines).toBeLessThan(100);
  });

  it("stops when the person leaves", async () => {
    const controller = new AbortController();
    const run = preflightSeed("s3://test-seeds/allowed/large.jsonl", controller.signal);
    setTimeout(() => controller.abort(), 5);
    await expect(run).rejects.toBeDefined();
  });

  it("answers the route with the report, and S3's NoSuchKey for a missing seed", async () => {
    const ok = await get(
      routes.preflight,
      `/api/seeds/preflight?uri=s3://${DEMO_SEED_BUCKET}/malformed.jsonl`,
    );
    expect(ok.status).toBe(200);
    expect(ok.json.malformedLines).toBeGreaterThan(0);
    const missing = await get(
      routes.preflight,
      `/api/seeds/preflight?uri=s3://${DEMO_SEED_BUCKET}/nope.jsonl`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: "NoSuchKey" });
  });
});

describe("the allow-list (SEED_BUCKETS)", () => {
  it("lists the locations", async () => {
    expect((await get(routes.locations, "/api/seeds/locations")).json).toEqual([
      { bucket: DEMO_SEED_BUCKET, prefix: "" },
      { bucket: "test-seeds", prefix: "allowed/" },
    ]);
  });

  it("refuses to read another bucket, or a key outside the allowed prefix", async () => {
    for (const uri of [
      "s3://other-bucket/seed.jsonl",
      "s3://test-seeds/outside.jsonl",
      "s3://test-seeds/",
    ]) {
      const reply = await get(routes.preflight, `/api/seeds/preflight?${qs({ uri })}`);
      expect(reply.status, uri).toBe(403);
      expect(reply.json.error).toMatchObject({ code: "SeedLocationNotAllowed" });
    }
    for (const [bucket, prefix] of [
      ["other-bucket", ""],
      ["test-seeds", ""],
      ["test-seeds", "other/"],
    ]) {
      const reply = await get(
        routes.list,
        `/api/seeds/list?${qs({ bucket: bucket!, prefix: prefix! })}`,
      );
      expect(reply.status, `${bucket}/${prefix}`).toBe(403);
    }
  });

  it("refuses keys with .. or control characters", async () => {
    for (const uri of [
      "s3://test-seeds/allowed/../outside.jsonl",
      "s3://test-seeds/allowed/a\u0000b",
      "s3://test-seeds/allowed/a\nb",
    ]) {
      const reply = await get(routes.preflight, `/api/seeds/preflight?${qs({ uri })}`);
      expect(reply.status, JSON.stringify(uri)).toBe(400);
      expect(reply.json.error).toMatchObject({ code: "InvalidSeedLocation" });
    }
    const search = await get(
      routes.list,
      `/api/seeds/list?${qs({ bucket: "test-seeds", prefix: "allowed/", search: "../" })}`,
    );
    expect(search.status).toBe(400);
  });

  it("refuses to write outside, and writes nothing", async () => {
    for (const [bucket, key] of [
      ["other-bucket", "new.jsonl"],
      ["test-seeds", "new.jsonl"],
      ["test-seeds", "allowed/../new.jsonl"],
    ]) {
      const reply = await upload({ bucket: bucket!, key: key!, format: "jsonl" }, lines(ids(30)));
      expect([400, 403], `${bucket}/${key}`).toContain(reply.status);
      expect(await exists(bucket!, key!.replace("allowed/../", ""))).toBe(false);
    }
  });
});

describe("browse", () => {
  it("lists a location's folders and files, with size and last-modified, and searches by prefix", async () => {
    const root = await get(
      routes.list,
      `/api/seeds/list?${qs({ bucket: "test-seeds", prefix: "allowed/" })}`,
    );
    expect(root.status).toBe(200);
    expect(root.json.folders).toEqual([{ prefix: "allowed/folder/", name: "folder/" }]);
    const files = root.json.files as { name: string; size: number; lastModified: string }[];
    expect(files.map((f) => f.name)).toEqual([
      "duplicates.jsonl",
      "good.jsonl",
      "large.jsonl",
      "malformed.jsonl",
      "small.jsonl",
    ]);
    expect(files[1]!.size).toBe(lines(ids(100)).length);
    expect(Date.parse(files[1]!.lastModified)).not.toBeNaN();
    const search = await get(
      routes.list,
      `/api/seeds/list?${qs({ bucket: "test-seeds", prefix: "allowed/", search: "s" })}`,
    );
    expect((search.json.files as { name: string }[]).map((f) => f.name)).toEqual(["small.jsonl"]);
  });
});

describe("upload", () => {
  const csvParams = (key: string, extra: Record<string, string> = {}) => ({
    bucket: "test-seeds",
    key,
    format: "csv",
    column: "1",
    delimiter: ",",
    header: "customer id",
    ...extra,
  });

  it("writes a CSV's chosen column as clean, deduplicated JSON lines", async () => {
    const csv =
      'name,customer id,email\r\n"Smith, Ann",c1,a@x\r\nBob,c2,b@x\r\n"Quote ""Q""",c1,q@x\r\nNo id,,n@x\r\n' +
      ids(30)
        .map((id) => `x,${id},y`)
        .join("\n");
    const reply = await upload(csvParams("allowed/uploaded.jsonl"), csv);
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      uri: "s3://test-seeds/allowed/uploaded.jsonl",
      rows: 34,
      ids: 32,
      duplicates: 1,
      skipped: 1,
      bytes: Buffer.byteLength(csv),
    });
    const object = await client.send(
      new GetObjectCommand({ Bucket: "test-seeds", Key: "allowed/uploaded.jsonl" }),
    );
    const text = await object.Body!.transformToString();
    expect(text.split("\n").slice(0, 3)).toEqual([
      '{"user_id":"c1"}',
      '{"user_id":"c2"}',
      '{"user_id":"user-0"}',
    ]);
    const report = await preflightSeed("s3://test-seeds/allowed/uploaded.jsonl", signal());
    expect(report).toMatchObject({ uniqueIds: 32, duplicates: 0, malformedLines: 0, problems: [] });
  });

  it("writes JSON lines deduplicated", async () => {
    const reply = await upload(
      { bucket: "test-seeds", key: "allowed/from-jsonl.jsonl", format: "jsonl" },
      lines([...ids(30), ...ids(10)]) + '{"user_id": 7, "extra": true}\n',
    );
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ ids: 31, duplicates: 10 });
  });

  it("refuses bad files with a clear message, and writes nothing", async () => {
    const cases: [Record<string, string>, string | Uint8Array, number, RegExp][] = [
      [
        csvParams("allowed/r1.jsonl", { header: "user" }),
        "id,email\n1,a\n",
        422,
        /Column 2 of the header row is "email", not "user"/,
      ],
      [
        csvParams("allowed/r2.jsonl", { column: "5", header: "x" }),
        "id,email\n1,a\n",
        422,
        /no column 6/,
      ],
      [csvParams("allowed/r3.jsonl"), "", 422, /empty/],
      // Too few users for a seed: refused by the seed check's rule, and nothing written.
      [
        { bucket: "test-seeds", key: "allowed/r6.jsonl", format: "jsonl" },
        lines(ids(24)),
        422,
        /24 unique user IDs: a seed needs at least 25\. Nothing was written\./,
      ],
      [
        { bucket: "test-seeds", key: "allowed/r4.jsonl", format: "jsonl" },
        `${lines(ids(3))}id,email\n`,
        422,
        /Line 4 is not valid JSON/,
      ],
      [
        { bucket: "test-seeds", key: "allowed/r5.jsonl", format: "jsonl" },
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
        422,
        /not text/,
      ],
      [
        { bucket: "test-seeds", key: "allowed/good.jsonl", format: "jsonl" },
        lines(ids(30)),
        409,
        /exists already/,
      ],
    ];
    for (const [params, body, status, message] of cases) {
      const reply = await upload(params, body);
      expect(reply.status, params.key).toBe(status);
      expect((reply.json.error as { message: string }).message).toMatch(message);
      if (status !== 409) expect(await exists("test-seeds", params.key!)).toBe(false);
    }
  });

  it("refuses a file over 50 MB by its length, before reading it", async () => {
    const reply = await upload(
      { bucket: "test-seeds", key: "allowed/huge.jsonl", format: "jsonl" },
      "x",
      { "content-length": String(51 * 1024 * 1024) },
    );
    expect(reply.status).toBe(413);
  });

  it("refuses another site's page, and a body sent as a form", async () => {
    const foreign = await upload(
      { bucket: "test-seeds", key: "allowed/csrf.jsonl", format: "jsonl" },
      lines(ids(30)),
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const form = await upload(
      { bucket: "test-seeds", key: "allowed/csrf.jsonl", format: "jsonl" },
      lines(ids(30)),
      { "content-type": "text/plain" },
    );
    expect(form.status).toBe(400);
    expect(await exists("test-seeds", "allowed/csrf.jsonl")).toBe(false);
  });

  it("does the proxy's checks itself (it is left out of proxy.ts): headers, a loopback Host", async () => {
    const reply = await routes.upload(
      new Request(
        `${BASE}/api/seeds/upload?${qs({ bucket: "test-seeds", key: "allowed/h.jsonl", format: "jsonl" })}`,
        {
          method: "POST",
          body: lines(ids(30)),
          headers: { "content-type": "application/octet-stream" },
        },
      ),
    );
    expect(reply.status).toBe(201);
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.headers.get("content-security-policy")).toContain("default-src 'none'");
    const rebound = await routes.upload(
      new Request(
        `http://evil.example/api/seeds/upload?${qs({ bucket: "test-seeds", key: "allowed/r.jsonl", format: "jsonl" })}`,
        {
          method: "POST",
          body: lines(ids(30)),
          headers: { "content-type": "application/octet-stream" },
        },
      ),
    );
    expect(rebound.status).toBe(403);
    expect(await exists("test-seeds", "allowed/r.jsonl")).toBe(false);
  });

  it("lets exactly one of two uploads racing to one new key write it; the other hears it exists", async () => {
    // Each body is held until both uploads have passed the name check and started reading:
    // the check alone would let both through, and the second would replace the first.
    let reading = 0;
    let release!: () => void;
    const bothReading = new Promise<void>((resolve) => (release = resolve));
    const held = (text: string) => {
      let sent = false;
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (sent) return controller.close();
            sent = true;
            if (++reading === 2) release();
            await bothReading;
            controller.enqueue(new TextEncoder().encode(text));
          },
        },
        { highWaterMark: 0 },
      );
    };
    const key = "allowed/raced.jsonl";
    const send = (text: string) =>
      routes.upload(
        new Request(
          `${BASE}/api/seeds/upload?${qs({ bucket: "test-seeds", key, format: "jsonl" })}`,
          {
            method: "POST",
            body: held(text),
            headers: { "content-type": "application/octet-stream" },
            duplex: "half",
          } as RequestInit,
        ),
      );
    const [a, b] = await Promise.all([send(lines(ids(30))), send(lines(ids(40, 100)))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(((await loser.json()) as { error: { code: string } }).error.code).toBe("ObjectExists");
    const object = await client.send(new GetObjectCommand({ Bucket: "test-seeds", Key: key }));
    const written = (await object.Body!.transformToString()).trim().split("\n");
    expect(written).toHaveLength(a.status === 201 ? 30 : 40);
  });

  it("refuses a body shorter than its Content-Length, and writes nothing", async () => {
    const reply = await upload(
      { bucket: "test-seeds", key: "allowed/short.jsonl", format: "jsonl" },
      lines(ids(30)),
      { "content-length": "100000" },
    );
    expect(reply.status).toBe(400);
    expect(await exists("test-seeds", "allowed/short.jsonl")).toBe(false);
  });

  it("aborts the multipart upload when a file is refused half way: no object, no parts", async () => {
    // Over 500,000 unique IDs: refused after more than one 5 MB part has gone up.
    const csv = `id\n${ids(500_001).join("\n")}\n`;
    const reply = await upload(
      csvParams("allowed/too-many.jsonl", { column: "0", header: "id" }),
      csv,
    );
    expect(reply.status).toBe(422);
    expect((reply.json.error as { message: string }).message).toMatch(/more than 500,000 unique/);
    expect(await exists("test-seeds", "allowed/too-many.jsonl")).toBe(false);
    expect(leftoverUploads().filter((f) => !f.endsWith(".tmp"))).toEqual([]);
  });

  it("aborts when the person cancels half way: no object, no parts", async () => {
    const controller = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        if (sent === 200) {
          controller.abort();
          await new Promise((r) => setTimeout(r, 50));
          stream.error(new Error("aborted"));
          return;
        }
        stream.enqueue(new TextEncoder().encode(lines(ids(1000, sent * 1000))));
        sent++;
      },
    });
    await expect(
      uploadSeed({
        body,
        bucket: "test-seeds",
        key: "allowed/cancelled.jsonl",
        spec: { format: "jsonl" },
        signal: controller.signal,
      }),
    ).rejects.toBeDefined();
    expect(await exists("test-seeds", "allowed/cancelled.jsonl")).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(leftoverUploads().filter((f) => !f.endsWith(".tmp"))).toEqual([]);
  });
});
