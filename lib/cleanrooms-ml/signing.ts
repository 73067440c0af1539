/**
 * SigV4 signing with the SDK's own signer, signing name `cleanrooms-ml`.
 * Credentials are static, a provider function, or (by default) the standard
 * Node chain, loaded only when the first request is signed.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import type { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

export const SIGNING_NAME = "cleanrooms-ml";

export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

export type CredentialsOption = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/**
 * The standard chain (env, SSO, ini files, process, web identity, ECS/EC2
 * metadata), created on first use. This version of
 * `@aws-sdk/credential-provider-node` exports it as `defaultProvider` (the
 * chain that `fromNodeProviderChain` in `@aws-sdk/credential-providers` wraps).
 */
function lazyNodeProviderChain(): AwsCredentialIdentityProvider {
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;
  return async () => {
    provider ??= import("@aws-sdk/credential-provider-node").then(({ defaultProvider }) =>
      defaultProvider(),
    );
    return (await provider)();
  };
}

export interface RequestSigner {
  sign(request: HttpRequest, signingDate?: Date): Promise<HttpRequest>;
}

export function createSigner(options: {
  region: () => Promise<string>;
  credentials?: CredentialsOption;
}): RequestSigner {
  const signer = new SignatureV4({
    service: SIGNING_NAME,
    region: options.region,
    credentials: options.credentials ?? lazyNodeProviderChain(),
    sha256: Sha256,
  });
  return {
    // SignatureV4 works on a copy: the request given stays unsigned, ready for the next attempt.
    sign: async (request, signingDate) =>
      (await signer.sign(request, { signingDate })) as HttpRequest,
  };
}
