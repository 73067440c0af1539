/**
 * For tests: a real `node:http` server on a random loopback port that records
 * every request and answers with canned responses.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  url: string;
  /** Path part of `url`, still percent-encoded. */
  rawPath: string;
  /** Query part of `url` without `?`, still percent-encoded ("" when none). */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Never answer (the client has to time out or abort). */
  hang?: boolean;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

export type Responder = (request: RecordedRequest, index: number) => CannedResponse;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Sets how the next requests are answered. */
  respond(responder: Responder | CannedResponse | CannedResponse[]): void;
  close(): Promise<void>;
}

/** A list of responses is played in order, its last one repeated. */
function toResponder(answer: Responder | CannedResponse | CannedResponse[]): Responder {
  if (typeof answer === "function") return answer;
  if (!Array.isArray(answer)) return () => answer;
  let next = 0;
  return () => {
    const response = answer[Math.min(next, answer.length - 1)];
    next += 1;
    if (!response) throw new Error("empty response list");
    return response;
  };
}

export async function startLoopbackServer(
  initial: Responder | CannedResponse | CannedResponse[] = { status: 200, body: {} },
): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  let responder = toResponder(initial);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const queryStart = url.indexOf("?");
      const rawQuery = queryStart === -1 ? "" : url.slice(queryStart + 1);
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url,
        rawPath: queryStart === -1 ? url : url.slice(0, queryStart),
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const answer = responder(recorded, requests.length - 1);
      if (answer.hang) return;
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      const body =
        answer.body === undefined
          ? ""
          : typeof answer.body === "string"
            ? answer.body
            : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, {
        ...(typeof answer.body === "string" || answer.body === undefined
          ? {}
          : { "content-type": "application/json" }),
        ...answer.headers,
      });
      res.end(body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(answer) {
      responder = toResponder(answer);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
