/** Who the emulator is: our account, the other collaboration member, the region, and ARN helpers. */
export const ACCOUNT_ID = "111122223333";
/** Another member of the demo collaboration; its jobs show without their seed. */
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
