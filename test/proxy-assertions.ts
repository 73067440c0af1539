/**
 * A stand-in for the key servers of AWS load balancers and Google IAP, and
 * the signed assertions they would send, for the trusted-proxy tests (Vitest
 * and Playwright alike): an HTTP server on a loopback port that publishes an
 * ES256 public key the way each does (ALB: `GET /<kid>` answers a PEM; IAP:
 * `GET /jwk` answers a JWK set), and a signer for each assertion.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from "jose";

export const TEST_ALB_ARN =
  "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/audiences/50dc6c495c0c9188";
export const TEST_IAP_AUDIENCE = "/projects/123456789/global/backendServices/987654321";
const IAP_ISSUER = "https://cloud.google.com/iap";

export interface KeyServer {
  /** AUTH_TRUSTED_PROXY_ALB_KEYS_URL for this server. */
  albKeysUrl: string;
  /** AUTH_TRUSTED_PROXY_IAP_JWKS_URL for this server. */
  iapJwksUrl: string;
  /** Requests answered, by path (to see what the dashboard fetched). */
  requests: string[];
  /** An ALB's x-amzn-oidc-data for these claims; `signer` and the key can be swapped to forge one. */
  albAssertion(
    claims: Record<string, unknown>,
    options?: {
      signer?: string;
      expiresAt?: number;
      key?: "published" | "stranger";
      /** Another key ID than the published key's (one the key server does not know). */
      kid?: string;
    },
  ): Promise<string>;
  /** IAP's x-goog-iap-jwt-assertion for these claims. */
  iapAssertion(
    claims: Record<string, unknown>,
    options?: { audience?: string; issuer?: string; key?: "published" | "stranger" },
  ): Promise<string>;
  close(): Promise<void>;
}

/** Base64 with padding, as ALBs write each part of their JWTs. */
const padded = (token: string) =>
  token
    .split(".")
    .map((part) => part + "=".repeat((4 - (part.length % 4)) % 4))
    .join(".");

export async function startKeyServer(port = 0): Promise<KeyServer> {
  const published = await generateKeyPair("ES256");
  const stranger = await generateKeyPair("ES256");
  const albKid = randomUUID();
  const iapKid = "iap-test-key";
  const pem = await exportSPKI(published.publicKey);
  const jwk = { ...(await exportJWK(published.publicKey)), kid: iapKid, alg: "ES256", use: "sig" };
  const requests: string[] = [];

  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url === `/alb/${albKid}`) {
      res.writeHead(200, { "content-type": "text/plain" }).end(pem);
    } else if (req.url === "/jwk") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keyOf = (which: "published" | "stranger" | undefined): KeyLike =>
    which === "stranger" ? stranger.privateKey : published.privateKey;

  return {
    albKeysUrl: `${base}/alb`,
    iapJwksUrl: `${base}/jwk`,
    requests,
    async albAssertion(claims, options = {}) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({
          alg: "ES256",
          kid: options.kid ?? albKid,
          signer: options.signer ?? TEST_ALB_ARN,
          iss: "https://idp.example.com",
          client: "alb-client",
          typ: "JWT",
        })
        .setIssuer("https://idp.example.com")
        .setExpirationTime(options.expiresAt ?? "2m")
        .sign(keyOf(options.key));
      return padded(token);
    },
    async iapAssertion(claims, options = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid: iapKid, typ: "JWT" })
        .setIssuer(options.issuer ?? IAP_ISSUER)
        .setAudience(options.audience ?? TEST_IAP_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(keyOf(options.key));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
