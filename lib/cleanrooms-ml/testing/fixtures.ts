/** For tests: ARNs and a client pointed at a loopback server, with no real sleeping. */
import { CleanRoomsMLClient, type CleanRoomsMLClientConfig } from "../client";

export const REGION = "us-east-1";
export const ACCESS_KEY_ID = "AKIDEXAMPLE";
export const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

export const JOB_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/7f3c6a2e-0b7d-4b4e-9a51-2f1d8c7e4b10";
/** JOB_ARN as it must appear in a URL path: `:` and `/` percent-encoded. */
export const JOB_ARN_IN_PATH =
  "arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aaudience-generation-job%2F7f3c6a2e-0b7d-4b4e-9a51-2f1d8c7e4b10";
export const CONFIGURED_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/cam-shoes-2024";
export const CONFIGURED_MODEL_ARN_IN_PATH =
  "arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aconfigured-audience-model%2Fcam-shoes-2024";
export const AUDIENCE_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/am-shoes";
export const AUDIENCE_MODEL_ARN_IN_PATH =
  "arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aaudience-model%2Fam-shoes";
export const TRAINING_DATASET_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/td-shoes";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/cleanrooms-ml-seed";
export const COLLABORATION_ID = "0f8e4b1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b";

/** Sleeps recorded, never slept. */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleep };
}

export function testClient(endpoint: string, config: CleanRoomsMLClientConfig = {}) {
  return new CleanRoomsMLClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    sleep: async () => {},
    ...config,
  });
}
