import net from "node:net";
import { describe, expect, it } from "vitest";

import { isLoopbackHost } from "@/lib/loopback";

import { listeningAddresses, realBindRefusal } from "./bind-address";
import { bindHostOf, parseAuthConfig } from "./config";

const LOCAL = { CLEANROOMS_ML_ENDPOINT: "http://127.0.0.1:4750", DASHBOARD_BIND_HOST: "127.0.0.1" };
const OIDC = {
  AWS_REGION: "us-east-1",
  AUTH_OIDC_ISSUER: "https://example.okta.com/oauth2/default/",
  AUTH_OIDC_CLIENT_ID: "dashboard",
  AUTH_OIDC_CLIENT_SECRET: "client-secret",
  AUTH_SECRET: "x".repeat(32),
  AUTH_URL: "https://audiences.example.com/",
  AUTH_ALLOWED_EMAIL_DOMAINS: "Example.com, @example.org",
};

describe("the sign-in mode", () => {
  it("is none for the local service on a loopback address, however the address is written", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2", "app.localhost"]) {
      expect(parseAuthConfig({ ...LOCAL, DASHBOARD_BIND_HOST: host })).toEqual({ mode: "none" });
    }
    expect(
      parseAuthConfig({ CLEANROOMS_ML_ENDPOINT: "http://localhost:4750" }, [
        "next",
        "start",
        "-H",
        "127.0.0.1",
      ]),
    ).toEqual({
      mode: "none",
    });
  });

  it("refuses to run without sign-in against AWS, another endpoint, a reachable address or an unknown one", () => {
    expect(() =>
      parseAuthConfig({ AWS_REGION: "us-east-1", DASHBOARD_BIND_HOST: "127.0.0.1" }),
    ).toThrow(/Refusing to start without sign-in: it talks to AWS \(us-east-1\)/);
    expect(() =>
      parseAuthConfig({ ...LOCAL, CLEANROOMS_ML_ENDPOINT: "http://10.1.2.3:4750" }),
    ).toThrow(/it talks to http:\/\/10\.1\.2\.3:4750/);
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "dashboard.internal", "128.0.0.1"]) {
      expect(() => parseAuthConfig({ ...LOCAL, DASHBOARD_BIND_HOST: host }), host).toThrow(
        `it listens on ${host}`,
      );
    }
    expect(() => parseAuthConfig({ CLEANROOMS_ML_ENDPOINT: LOCAL.CLEANROOMS_ML_ENDPOINT })).toThrow(
      /listening address is unknown/,
    );
    // Both reasons at once, and what to set.
    expect(() =>
      parseAuthConfig({ AWS_REGION: "us-east-1", DASHBOARD_BIND_HOST: "0.0.0.0" }),
    ).toThrow(/AWS .*; and it listens on 0\.0\.0\.0.*AUTH_OIDC_ISSUER.*AUTH_TRUSTED_PROXY_HEADER/);
  });

  it("is OpenID Connect with every setting given, the URL reduced to its origin and the domains normalised", () => {
    expect(parseAuthConfig(OIDC)).toEqual({
      mode: "oidc",
      issuer: "https://example.okta.com/oauth2/default",
      clientId: "dashboard",
      clientSecret: "client-secret",
      secret: "x".repeat(32),
      url: "https://audiences.example.com",
      scope: "openid email profile",
      groupsClaim: "groups",
      providerName: "your company account",
      sessionMaxAge: 8 * 60 * 60,
      allowedEmailDomains: ["example.com", "example.org"],
      allowedGroups: [],
      allowAllUsers: false,
    });
    // NEXTAUTH_* names are accepted too.
    const { AUTH_SECRET, AUTH_URL, ...rest } = OIDC;
    expect(
      parseAuthConfig({ ...rest, NEXTAUTH_SECRET: AUTH_SECRET, NEXTAUTH_URL: AUTH_URL }),
    ).toMatchObject({ mode: "oidc" });
  });

  it("names what OpenID Connect sign-in still needs, and what is wrong with a value", () => {
    expect(() => parseAuthConfig({ AUTH_OIDC_ISSUER: OIDC.AUTH_OIDC_ISSUER })).toThrow(
      "sign-in with OpenID Connect also needs AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_SECRET, AUTH_URL",
    );
    expect(() => parseAuthConfig({ ...OIDC, AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseAuthConfig({ ...OIDC, AUTH_OIDC_ISSUER: "okta" })).toThrow(
      /AUTH_OIDC_ISSUER must be an http\(s\) URL/,
    );
    expect(() => parseAuthConfig({ ...OIDC, AUTH_URL: "http://audiences.example.com" })).toThrow(
      /AUTH_URL must be an https:\/\/ URL/,
    );
    expect(parseAuthConfig({ ...OIDC, AUTH_URL: "http://127.0.0.1:3000" })).toMatchObject({
      url: "http://127.0.0.1:3000",
    });
    expect(() => parseAuthConfig({ ...OIDC, AUTH_SESSION_MAX_AGE: "forever" })).toThrow(
      /AUTH_SESSION_MAX_AGE must be a whole number/,
    );
    expect(() => parseAuthConfig({ ...OIDC, AUTH_ALLOWED_EMAIL_DOMAINS: "example" })).toThrow(
      /AUTH_ALLOWED_EMAIL_DOMAINS must be/,
    );
  });

  it("asks who may sign in: a domain, a group, or everyone said out loud", () => {
    const none: Record<string, string> = { ...OIDC };
    delete none.AUTH_ALLOWED_EMAIL_DOMAINS;
    expect(() => parseAuthConfig(none)).toThrow(
      /sign-in needs AUTH_ALLOWED_EMAIL_DOMAINS .* or AUTH_ALLOWED_GROUPS .* or AUTH_ALLOW_ALL_USERS=true/,
    );
    expect(parseAuthConfig({ ...none, AUTH_ALLOWED_GROUPS: "marketing, analysts" })).toMatchObject({
      allowedGroups: ["marketing", "analysts"],
    });
    expect(parseAuthConfig({ ...none, AUTH_ALLOW_ALL_USERS: "true" })).toMatchObject({
      allowAllUsers: true,
    });
    expect(() => parseAuthConfig({ ...OIDC, AUTH_ALLOW_ALL_USERS: "true" })).toThrow(/contradicts/);
    expect(() => parseAuthConfig({ ...none, AUTH_ALLOW_ALL_USERS: "yes" })).toThrow(
      /AUTH_ALLOW_ALL_USERS must be true or false/,
    );
  });

  it("is the trusted proxy's with a header it may trust and proof that requests came through it", () => {
    const secret = "p".repeat(32);
    expect(
      parseAuthConfig(
        {
          AWS_REGION: "us-east-1",
          AUTH_TRUSTED_PROXY_HEADER: "X-Forwarded-Email",
          AUTH_TRUSTED_PROXY_SECRET: secret,
        },
        ["-H", "0.0.0.0"],
      ),
    ).toEqual({
      mode: "proxy",
      header: "x-forwarded-email",
      signOutUrl: undefined,
      secret: { header: "x-dashboard-proxy-secret", value: secret },
      alb: undefined,
      iap: undefined,
      allowedEmailDomains: [],
      allowedGroups: [],
      allowAllUsers: false,
    });
    expect(
      parseAuthConfig({
        AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email",
        AUTH_TRUSTED_PROXY_SECRET: secret,
        AUTH_TRUSTED_PROXY_SECRET_HEADER: "X-Proxy-Token",
      }),
    ).toMatchObject({ secret: { header: "x-proxy-token" } });
    for (const header of ["cookie", "Host", "x-forwarded-for", "authorization", "bad header"]) {
      expect(
        () =>
          parseAuthConfig({
            AWS_REGION: "us-east-1",
            AUTH_TRUSTED_PROXY_HEADER: header,
            AUTH_TRUSTED_PROXY_SECRET: secret,
          }),
        header,
      ).toThrow(/AUTH_TRUSTED_PROXY_HEADER must name the header your proxy sets/);
    }
    expect(() =>
      parseAuthConfig({ ...OIDC, AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email" }),
    ).toThrow(/not both/);
    expect(() =>
      parseAuthConfig({
        AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email",
        AUTH_TRUSTED_PROXY_SECRET: "short",
      }),
    ).toThrow(/AUTH_TRUSTED_PROXY_SECRET must be at least 32 characters/);
    expect(() => parseAuthConfig({ AUTH_TRUSTED_PROXY_SECRET: secret })).toThrow(
      /set AUTH_TRUSTED_PROXY_HEADER to the header in which it names the person/,
    );
  });

  it("refuses a proxy without proof on an address other machines can reach, naming the settings", () => {
    const env = { AWS_REGION: "us-east-1", AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email" };
    for (const argv of [["-H", "0.0.0.0"], ["-H", "10.0.0.5"], []]) {
      expect(() => parseAuthConfig(env, argv), argv.join(" ")).toThrow(
        /Refusing to start behind a trusted proxy without proof.*x-forwarded-email.*AUTH_TRUSTED_PROXY_SECRET.*AUTH_TRUSTED_PROXY_ALB_ARN.*AUTH_TRUSTED_PROXY_IAP_AUDIENCE/,
      );
    }
    // A proxy on this same machine is the only thing that can reach a loopback address.
    expect(parseAuthConfig(env, ["-H", "127.0.0.1"])).toMatchObject({ mode: "proxy" });
  });

  it("verifies an ALB's or IAP's signed assertion, with keys from where they are published", () => {
    const arn =
      "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/audiences/50dc6c495c0c9188";
    expect(parseAuthConfig({ AUTH_TRUSTED_PROXY_ALB_ARN: arn }, ["-H", "0.0.0.0"])).toMatchObject({
      mode: "proxy",
      header: undefined,
      alb: { arn, keysUrl: "https://public-keys.auth.elb.eu-west-1.amazonaws.com" },
    });
    expect(
      parseAuthConfig({
        AUTH_TRUSTED_PROXY_ALB_ARN: arn,
        AUTH_TRUSTED_PROXY_ALB_KEYS_URL: "http://127.0.0.1:7201/keys/",
      }),
    ).toMatchObject({ alb: { keysUrl: "http://127.0.0.1:7201/keys" } });
    expect(() =>
      parseAuthConfig({
        AUTH_TRUSTED_PROXY_ALB_ARN: arn,
        AUTH_TRUSTED_PROXY_ALB_KEYS_URL: "http://keys.example.com",
      }),
    ).toThrow(/AUTH_TRUSTED_PROXY_ALB_KEYS_URL must be an https:\/\/ URL/);
    expect(() => parseAuthConfig({ AUTH_TRUSTED_PROXY_ALB_ARN: "my-alb" })).toThrow(
      /AUTH_TRUSTED_PROXY_ALB_ARN must be your Application Load Balancer's ARN/,
    );

    const audience = "/projects/123456789/global/backendServices/987654321";
    expect(
      parseAuthConfig({ AUTH_TRUSTED_PROXY_IAP_AUDIENCE: audience }, ["-H", "::"]),
    ).toMatchObject({
      mode: "proxy",
      iap: { audience, jwksUrl: "https://www.gstatic.com/iap/verify/public_key-jwk" },
    });
    expect(() => parseAuthConfig({ AUTH_TRUSTED_PROXY_IAP_AUDIENCE: "my-app" })).toThrow(
      /AUTH_TRUSTED_PROXY_IAP_AUDIENCE must be IAP's audience/,
    );
    expect(() =>
      parseAuthConfig({
        AUTH_TRUSTED_PROXY_ALB_ARN: arn,
        AUTH_TRUSTED_PROXY_IAP_AUDIENCE: audience,
      }),
    ).toThrow(/not both/);
  });
});

describe("the listening address", () => {
  it("comes from DASHBOARD_BIND_HOST, else from next start's -H or --hostname", () => {
    expect(bindHostOf({ DASHBOARD_BIND_HOST: " 10.0.0.1 " }, ["-H", "10.0.0.1"])).toBe("10.0.0.1");
    expect(bindHostOf({ DASHBOARD_BIND_HOST: "localhost" }, ["-H", "127.0.0.1"])).toBe("localhost");
    expect(bindHostOf({ DASHBOARD_BIND_HOST: "127.0.0.1" }, ["next", "start"])).toBe("127.0.0.1");
    expect(bindHostOf({}, ["node", "next", "start", "-p", "3000", "-H", "0.0.0.0"])).toBe(
      "0.0.0.0",
    );
    expect(bindHostOf({}, ["--hostname", "localhost"])).toBe("localhost");
    expect(bindHostOf({}, ["--hostname=::1"])).toBe("::1");
    expect(bindHostOf({}, ["next", "start"])).toBeUndefined();
  });

  it("is refused when the setting and the command line disagree, never believed over it", () => {
    for (const [setting, commandLine] of [
      ["127.0.0.1", "0.0.0.0"],
      ["localhost", "::"],
      ["10.0.0.1", "127.0.0.1"],
    ]) {
      expect(
        () => bindHostOf({ DASHBOARD_BIND_HOST: setting }, ["next", "start", "-H", commandLine!]),
        `${setting} / ${commandLine}`,
      ).toThrow(`DASHBOARD_BIND_HOST=${setting} but the server was started with -H ${commandLine}`);
    }
    // So sign-in cannot be off while the server answers other machines.
    expect(() =>
      parseAuthConfig({ ...LOCAL, DASHBOARD_BIND_HOST: "127.0.0.1" }, ["--hostname=0.0.0.0"]),
    ).toThrow(/Refusing to start/);
  });

  it("is checked against the address the server really listens on", async () => {
    const listen = (host: string) =>
      new Promise<net.Server>((resolve) => {
        const server = net.createServer();
        server.listen(0, host, () => resolve(server));
      });
    const everywhere = await listen("0.0.0.0");
    try {
      expect(listeningAddresses()).toContain("0.0.0.0");
      expect(realBindRefusal("127.0.0.1", listeningAddresses())?.message).toMatch(
        /told it listens on 127\.0\.0\.1 .* but it listens on 0\.0\.0\.0/,
      );
      // Said to listen everywhere: nothing rests on the loopback address, nothing to refuse.
      expect(realBindRefusal("0.0.0.0", listeningAddresses())).toBeUndefined();
    } finally {
      await new Promise((resolve) => everywhere.close(resolve));
    }
    const loopback = await listen("127.0.0.1");
    try {
      expect(realBindRefusal("127.0.0.1", listeningAddresses())).toBeUndefined();
    } finally {
      await new Promise((resolve) => loopback.close(resolve));
    }
  });

  it("is loopback only for 127.0.0.0/8, ::1 and localhost names", () => {
    expect(
      [
        "127.0.0.1",
        "127.255.0.9",
        "::1",
        "[::1]",
        "localhost",
        "LOCALHOST",
        "::ffff:127.0.0.1",
      ].every(isLoopbackHost),
    ).toBe(true);
    expect(
      [
        "0.0.0.0",
        "::",
        "",
        "127.0.0.256",
        "127.0.0.1.example.com",
        "10.0.0.1",
        "localhost.example.com",
      ].some(isLoopbackHost),
    ).toBe(false);
  });
});
