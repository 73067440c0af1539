/**
 * Who the emulator is: the accounts of the demo, the region, the calling
 * account of a request, and ARN helpers.
 *
 * The local service plays every account of the demo collaboration. A
 * request's account comes from its signature's access key ID, as LocalStack
 * does: a key of 12 digits is that account; any other key (the AWS CLI's
 * dummy keys, a test's "test") is our account, the advertiser.
 */
import type { IncomingMessage } from "node:http";

/** Our account: AnyCompany Retail, the advertiser (seed data provider). */
export const ACCOUNT_ID = "111122223333";
/** Example Streaming, the publisher (training data provider) that owns the streaming models. */
export const PARTNER_ACCOUNT_ID = "444455556666";
export const REGION = "us-east-1";

export type ResourceType =
  "training-dataset" | "audience-model" | "configured-audience-model" | "audience-generation-job";

export function arnOf(type: ResourceType, id: string, account: string = ACCOUNT_ID): string {
  return `arn:aws:cleanrooms-ml:${REGION}:${account}:${type}/${id}`;
}

/** The account field of an ARN. */
export function accountOf(arn: string): string {
  return arn.split(":")[4] ?? "";
}

/** The resource ID after the type, e.g. the UUID of a job ARN. */
export function resourceIdOf(arn: string): string {
  const resource = arn.split(":").slice(5).join(":");
  return resource.slice(resource.indexOf("/") + 1);
}

/** The same resource's ARN in another account: a job has one per account that sees it. */
export function inAccount(arn: string, account: string): string {
  const parts = arn.split(":");
  parts[4] = account;
  return parts.join(":");
}

const ACCOUNT_KEY = /^\d{12}$/;

/**
 * The account a request is signed for: its access key ID when that is 12
 * digits, our account otherwise (and for unsigned requests).
 */
export function accountOfRequest(req: IncomingMessage, query: URLSearchParams): string {
  const header = req.headers.authorization;
  const credential =
    (typeof header === "string" ? /Credential=([^,\s]+)/.exec(header)?.[1] : undefined) ??
    query.get("X-Amz-Credential") ??
    "";
  const accessKeyId = credential.split("/")[0] ?? "";
  return ACCOUNT_KEY.test(accessKeyId) ? accessKeyId : ACCOUNT_ID;
}

/** The IAM principal the local service names in its access-denied messages. */
export const principalOf = (account: string) => `arn:aws:iam::${account}:user/dashboard`;

/**
 * AWS's wording when no policy allows a cross-account call: "User: … is not
 * authorized to perform: <action> on resource: <arn> because no
 * resource-based policy allows the <action> action".
 */
export function notAuthorizedMessage(account: string, action: string, resource: string): string {
  return `User: ${principalOf(account)} is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`;
}
