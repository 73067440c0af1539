/**
 * The local S3, called with the official S3 client as the dashboard calls it
 * (path-style, signed for `s3`): every operation the seed browser, preflight
 * and upload use, S3's error codes, and a seed written through S3 that a job
 * then reads.
 */
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN } from "../demo/catalog";
import { DEMO_SEED_BUCKET } from "../demo/files";
import { userIdOf } from "../lookalike/training-data";
import { startTestEmulator, type TestEmulator } from "../testing";

const clientFor = (url: string) =>
  new S3Client({
    endpoint: url,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 2,
  });

const text = async (body: unknown) =>
  (body as { transformToString(): Promise<string> }).transformToString();

let emulator: TestEmulator;
let s3: S3Client;
beforeAll(async () => {
  emulator = await startTestEmulator();
  s3 = clientFor(emulator.url);
  await s3.send(new CreateBucketCommand({ Bucket: "test-seeds" }));
});
afterAll(async () => {
  s3?.destroy();
  await emulator?.close();
});

describe("ListObjectsV2", () => {
  it("lists a bucket's folders and files, with size and last-modified", async () => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET, Delimiter: "/" }),
    );
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["fitness/"]);
    const keys = page.Contents?.map((o) => o.Key) ?? [];
    expect(keys).toContain("sports-fans.jsonl");
    expect(keys).toEqual([...keys].sort());
    const sports = page.Contents!.find((o) => o.Key === "sports-fans.jsonl")!;
    expect(sports.Size).toBeGreaterThan(1000);
    expect(sports.LastModified).toBeInstanceOf(Date);
    expect(page.IsTruncated).toBe(false);
    expect(page.KeyCount).toBe(keys.length + 1);
  });

  it("finds by prefix, and lists a folder's objects", async () => {
    const byPrefix = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET, Prefix: "sp", Delimiter: "/" }),
    );
    expect(byPrefix.Contents?.map((o) => o.Key)).toEqual(["sports-fans.jsonl"]);
    const folder = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET, Prefix: "fitness/" }),
    );
    expect(folder.Contents?.map((o) => o.Key)).toEqual([
      "fitness/part-00000.jsonl",
      "fitness/part-00001.jsonl",
    ]);
  });

  it("pages with max-keys and continuation tokens, a folder counting once", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: DEMO_SEED_BUCKET,
          Delimiter: "/",
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      pages++;
      expect(page.KeyCount).toBeLessThanOrEqual(2);
      seen.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
      seen.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const all = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET, Delimiter: "/" }),
    );
    expect(seen.sort()).toEqual(
      [...all.CommonPrefixes!.map((p) => p.Prefix!), ...all.Contents!.map((o) => o.Key!)].sort(),
    );
    expect(pages).toBe(Math.ceil(seen.length / 2));
  });

  it("starts after a key, and URL-encodes keys when asked (as the AWS CLI asks)", async () => {
    const after = await s3.send(
      new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET, StartAfter: "random-sample.jsonl" }),
    );
    expect(after.Contents?.[0]?.Key).toBe("sports-fans.jsonl");
    await s3.send(
      new PutObjectCommand({ Bucket: "test-seeds", Key: "odd/a b+ü(3).jsonl", Body: "x" }),
    );
    const encoded = await s3.send(
      new ListObjectsV2Command({ Bucket: "test-seeds", Prefix: "odd/", EncodingType: "url" }),
    );
    expect(encoded.Contents?.map((o) => o.Key)).toEqual(["odd/a+b%2B%C3%BC%283%29.jsonl"]);
    const decoded = decodeURIComponent(encoded.Contents![0]!.Key!.replace(/\+/g, " "));
    expect(decoded).toBe("odd/a b+ü(3).jsonl");
  });

  it("answers NoSuchBucket for a bucket that does not exist", async () => {
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: "no-such-bucket" })),
    ).rejects.toMatchObject({ name: "NoSuchBucket", $metadata: { httpStatusCode: 404 } });
  });
});

describe("GetObject and HeadObject", () => {
  it("reads an object's bytes as a stream, and its facts", async () => {
    const got = await s3.send(
      new GetObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "too-small.jsonl" }),
    );
    const body = await text(got.Body);
    expect(body.split("\n").filter(Boolean)).toHaveLength(10);
    expect(got.ContentLength).toBe(Buffer.byteLength(body));
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "too-small.jsonl" }),
    );
    expect(head.ContentLength).toBe(got.ContentLength);
    expect(head.ETag).toBe(got.ETag);
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it("answers NoSuchKey, or 404 NotFound to a HEAD, for a key that does not exist", async () => {
    await expect(
      s3.send(new GetObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "missing.jsonl" })),
    ).rejects.toMatchObject({ name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "missing.jsonl" })),
    ).rejects.toMatchObject({ name: "NotFound", $metadata: { httpStatusCode: 404 } });
    // A folder is not an object.
    await expect(
      s3.send(new GetObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "fitness" })),
    ).rejects.toMatchObject({ name: "NoSuchKey" });
    await expect(
      s3.send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "a.jsonl" })),
    ).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("refuses keys a folder cannot hold", async () => {
    await expect(
      s3.send(new GetObjectCommand({ Bucket: DEMO_SEED_BUCKET, Key: "a/../../etc/passwd" })),
    ).rejects.toMatchObject({ name: "InvalidArgument", $metadata: { httpStatusCode: 400 } });
  });
});

describe("PutObject", () => {
  it("writes a body, and a streamed body (sent aws-chunked, with a trailing checksum)", async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: "test-seeds",
        Key: "put/one.jsonl",
        Body: '{"user_id":"a"}\n',
      }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const streamed = Readable.from([
      Buffer.from('{"user_id":"b"}\n'),
      Buffer.from('{"user_id":"c"}\n'),
    ]);
    await s3.send(
      new PutObjectCommand({
        Bucket: "test-seeds",
        Key: "put/two.jsonl",
        Body: streamed,
        ContentLength: 32,
      }),
    );
    const one = await s3.send(new GetObjectCommand({ Bucket: "test-seeds", Key: "put/one.jsonl" }));
    expect(await text(one.Body)).toBe('{"user_id":"a"}\n');
    const two = await s3.send(new GetObjectCommand({ Bucket: "test-seeds", Key: "put/two.jsonl" }));
    expect(await text(two.Body)).toBe('{"user_id":"b"}\n{"user_id":"c"}\n');
  });

  it("answers NoSuchBucket when writing to a bucket that does not exist", async () => {
    await expect(
      s3.send(new PutObjectCommand({ Bucket: "no-such-bucket", Key: "a.jsonl", Body: "x" })),
    ).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});

describe("multipart uploads", () => {
  it("uploads in parts with lib-storage, and a job reads the seed it wrote", async () => {
    // 120 training users, repeated to over 11 MB: three parts of 5 MiB.
    const ids = Array.from({ length: 120 }, (_, i) => userIdOf(i * 7));
    const block = ids.map((id) => `{"user_id": "${id}"}\n`).join("");
    const repeats = Math.ceil((11 * 1024 * 1024) / block.length);
    const chunks = Array.from({ length: repeats }, () => Buffer.from(block));
    const progress: number[] = [];
    const upload = new Upload({
      client: s3,
      params: { Bucket: "test-seeds", Key: "uploads/big.jsonl", Body: Readable.from(chunks) },
      partSize: 5 * 1024 * 1024,
      queueSize: 2,
    });
    upload.on("httpUploadProgress", (p) => progress.push(p.loaded ?? 0));
    const done = await upload.done();
    expect(done.ETag).toMatch(/-3"$/);
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: "test-seeds", Key: "uploads/big.jsonl" }),
    );
    expect(head.ContentLength).toBe(block.length * repeats);
    expect(progress.at(-1)).toBe(block.length * repeats);
    // Nothing of the upload is left in a listing.
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: "test-seeds", Prefix: "uploads/" }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["uploads/big.jsonl"]);

    const job = await emulator.runJob({
      name: "from S3",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        dataSource: { s3Uri: "s3://test-seeds/uploads/big.jsonl" },
        roleArn: DEMO_SEED_ROLE_ARN,
      },
    });
    expect(job.status).toBe("ACTIVE");
  });

  it("aborts an upload: no object, and the upload is gone", async () => {
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: "test-seeds", Key: "uploads/aborted.jsonl" }),
    );
    expect(UploadId).toBeTruthy();
    await s3.send(
      new UploadPartCommand({
        Bucket: "test-seeds",
        Key: "uploads/aborted.jsonl",
        UploadId,
        PartNumber: 1,
        Body: Buffer.alloc(1024, 0x61),
      }),
    );
    await s3.send(
      new AbortMultipartUploadCommand({
        Bucket: "test-seeds",
        Key: "uploads/aborted.jsonl",
        UploadId,
      }),
    );
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: "test-seeds", Key: "uploads/aborted.jsonl" })),
    ).rejects.toMatchObject({ name: "NotFound" });
    await expect(
      s3.send(
        new UploadPartCommand({
          Bucket: "test-seeds",
          Key: "uploads/aborted.jsonl",
          UploadId,
          PartNumber: 2,
          Body: "x",
        }),
      ),
    ).rejects.toMatchObject({ name: "NoSuchUpload", $metadata: { httpStatusCode: 404 } });
  });

  it("an Upload aborted half way leaves no object", async () => {
    const controller = new AbortController();
    async function* body() {
      for (let i = 0; i < 4; i++) {
        yield Buffer.alloc(3 * 1024 * 1024, 0x62);
        if (i === 2) controller.abort();
      }
    }
    const upload = new Upload({
      client: s3,
      params: { Bucket: "test-seeds", Key: "uploads/half.jsonl", Body: Readable.from(body()) },
      partSize: 5 * 1024 * 1024,
      abortController: controller,
    });
    await expect(upload.done()).rejects.toBeDefined();
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: "test-seeds", Key: "uploads/half.jsonl" })),
    ).rejects.toMatchObject({ name: "NotFound" });
  });
});

describe("conditional writes (If-None-Match: *)", () => {
  it("write only a new key: a second write, plain or multipart, answers 412 PreconditionFailed", async () => {
    const Key = `conditional/${Date.now()}.jsonl`;
    await s3.send(
      new PutObjectCommand({ Bucket: "test-seeds", Key, Body: "first\n", IfNoneMatch: "*" }),
    );
    const second = await s3
      .send(new PutObjectCommand({ Bucket: "test-seeds", Key, Body: "second\n", IfNoneMatch: "*" }))
      .catch((e: unknown) => e);
    expect(second).toMatchObject({
      name: "PreconditionFailed",
      $metadata: { httpStatusCode: 412 },
    });
    const big = new Upload({
      client: s3,
      params: {
        Bucket: "test-seeds",
        Key,
        Body: Buffer.alloc(6 * 1024 * 1024 + 1, 97),
        IfNoneMatch: "*",
      },
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    expect(await big.done().catch((e: unknown) => e)).toMatchObject({ name: "PreconditionFailed" });
    const kept = await s3.send(new GetObjectCommand({ Bucket: "test-seeds", Key }));
    expect(await text(kept.Body)).toBe("first\n");
  });

  it("let exactly one of many writers racing to one new key win; nothing is replaced", async () => {
    const Key = `race/${Date.now()}.jsonl`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        s3.send(
          new PutObjectCommand({
            Bucket: "test-seeds",
            Key,
            Body: `writer ${i}\n`,
            IfNoneMatch: "*",
          }),
        ),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ name: "PreconditionFailed" });
    const kept = await s3.send(new GetObjectCommand({ Bucket: "test-seeds", Key }));
    expect(await text(kept.Body)).toBe(`writer ${won[0]}\n`);
  });

  it("without the condition, a write replaces the object, as S3's does", async () => {
    const Key = `plain/${Date.now()}.jsonl`;
    await s3.send(new PutObjectCommand({ Bucket: "test-seeds", Key, Body: "first\n" }));
    await s3.send(new PutObjectCommand({ Bucket: "test-seeds", Key, Body: "second\n" }));
    const kept = await s3.send(new GetObjectCommand({ Bucket: "test-seeds", Key }));
    expect(await text(kept.Body)).toBe("second\n");
  });
});

describe("each bucket's folder", () => {
  it("holds every listing to it: a prefix climbing to a sibling bucket lists nothing", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "test-seeds-private" }));
    await s3.send(
      new PutObjectCommand({ Bucket: "test-seeds-private", Key: "secret.jsonl", Body: "x\n" }),
    );
    for (const Prefix of [
      "../test-seeds-private/",
      "../test-seeds-private",
      "a/../../test-seeds-private/",
    ]) {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "test-seeds", Prefix }));
      expect(page.Contents ?? [], Prefix).toEqual([]);
      expect(page.KeyCount, Prefix).toBe(0);
    }
  });
});

describe("injected faults", () => {
  it("answers SlowDown and InternalError in S3's words", async () => {
    for (const [options, name, status] of [
      [{ throttleRate: 1 }, "SlowDown", 503],
      [{ errorRate: 1 }, "InternalError", 500],
    ] as const) {
      const faulty = await startTestEmulator({ ...options, trainingUsers: 2_000 });
      const client = clientFor(faulty.url);
      try {
        await expect(
          client.send(new ListObjectsV2Command({ Bucket: DEMO_SEED_BUCKET })),
        ).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
      } finally {
        client.destroy();
        await faulty.close();
      }
    }
  });
});

describe("who may write", () => {
  it("refuses a page of another site writing an object, whatever the body's type", async () => {
    const credential = encodeURIComponent("AKID/20261130/us-east-1/s3/aws4_request");
    const reply = await fetch(
      `${emulator.url}/test-seeds/evil.jsonl?X-Amz-Credential=${credential}`,
      {
        method: "PUT",
        headers: { origin: "https://evil.example", "content-type": "text/plain" },
        body: "x",
      },
    );
    expect(reply.status).toBe(403);
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: "test-seeds", Key: "evil.jsonl" })),
    ).rejects.toMatchObject({ name: "NotFound" });
  });
});
