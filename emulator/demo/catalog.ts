/**
 * The demo data's names and identifiers: fixed, so links, docs and tests can
 * name them. Listed in emulator/README.md.
 */
import { ACCOUNT_ID, arnOf, PARTNER_ACCOUNT_ID, REGION } from "../identity";
import type { AudienceSizeConfig } from "../lookalike/compute";
import { DEMO_SEED_BUCKET, DEMO_SEED_KEYS } from "./files";

export const DEMO_COLLABORATION_ID = "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5";
export const DEMO_MEMBERSHIP_ID = "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";

export const DEMO_SEED_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/CleanRoomsMLSeedReader`;
export const DEMO_OUTPUT_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/CleanRoomsMLAudienceWriter`;

export const demoSeedUri = (key: string) => `s3://${DEMO_SEED_BUCKET}/${key}`;
export const DEMO_SEED_URIS = {
  sportsFans: demoSeedUri(DEMO_SEED_KEYS.sportsFans),
  randomSample: demoSeedUri(DEMO_SEED_KEYS.randomSample),
  fitnessFolder: demoSeedUri(DEMO_SEED_KEYS.fitnessFolder),
  tooSmall: demoSeedUri(DEMO_SEED_KEYS.tooSmall),
  malformed: demoSeedUri(DEMO_SEED_KEYS.malformed),
  missingUserId: demoSeedUri(DEMO_SEED_KEYS.missingUserId),
  unknownUsers: demoSeedUri(DEMO_SEED_KEYS.unknownUsers),
} as const;

export const DEMO_TRAINING_DATASETS = {
  retail: {
    arn: arnOf("training-dataset", "0d6f3c52-7a41-4b8e-9f10-3a2b1c4d5e60"),
    name: "retail-interactions-2024",
    generatorSeed: 2024,
  },
  /** Example Streaming's (444455556666), as are the models trained on it. */
  streaming: {
    arn: arnOf("training-dataset", "7e2a9b14-c3d5-4f6a-8b7c-9d0e1f2a3b4c", PARTNER_ACCOUNT_ID),
    name: "streaming-engagement",
    generatorSeed: 7,
  },
} as const;

export const DEMO_AUDIENCE_MODELS = {
  retail: {
    arn: arnOf("audience-model", "2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b"),
    name: "Retail purchases 2024",
    description: "Lookalike model trained on a year of retail item interactions.",
    dataset: DEMO_TRAINING_DATASETS.retail,
  },
  streaming: {
    arn: arnOf("audience-model", "9c8b7a65-4d3e-4f2a-9b1c-8d7e6f5a4b3c", PARTNER_ACCOUNT_ID),
    name: "Streaming engagement",
    description:
      "Lookalike model trained on streaming watch events, encrypted with a customer key.",
    dataset: DEMO_TRAINING_DATASETS.streaming,
  },
} as const;

export interface DemoConfiguredModel {
  arn: string;
  name: string;
  description: string;
  audienceModel: (typeof DEMO_AUDIENCE_MODELS)[keyof typeof DEMO_AUDIENCE_MODELS];
  audienceSizeConfig: AudienceSizeConfig;
  minMatchingSeedSize: number;
  sharedAudienceMetrics: ["ALL"] | ["NONE"];
  outputS3Uri: string;
  childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE" | "NONE";
  tags: Record<string, string>;
}

/**
 * The retail models are ours (AnyCompany Retail, 111122223333); the streaming
 * models are the publisher's (Example Streaming, 444455556666), which we reach
 * only through their associations with the demo collaboration
 * (DEMO_MODEL_ASSOCIATIONS) and the resource policy each association manages.
 */
export const DEMO_CONFIGURED_MODELS: Record<
  "retailAbsolute" | "retailPercentage" | "streamingReach" | "streamingLookalikes",
  DemoConfiguredModel
> = {
  retailAbsolute: {
    arn: arnOf("configured-audience-model", "4a1e0c3b-5d2f-4e6a-9b8c-7d6e5f4a3b2c"),
    name: "Retail lookalikes",
    description: "Absolute audience sizes from 5,000 to 50,000 users; all metrics shared.",
    audienceModel: DEMO_AUDIENCE_MODELS.retail,
    audienceSizeConfig: {
      audienceSizeType: "ABSOLUTE",
      audienceSizeBins: [5000, 10000, 25000, 50000],
    },
    minMatchingSeedSize: 500,
    sharedAudienceMetrics: ["ALL"],
    outputS3Uri: "s3://demo-audiences/retail-lookalikes/",
    childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
    tags: { project: "spring-campaign" },
  },
  retailPercentage: {
    arn: arnOf("configured-audience-model", "6c3f2e1d-0b9a-4c8d-8e7f-6a5b4c3d2e1f"),
    name: "Retail lookalikes by share",
    description: "Audience sizes as 5 to 50 percent of the training users; all metrics shared.",
    audienceModel: DEMO_AUDIENCE_MODELS.retail,
    audienceSizeConfig: { audienceSizeType: "PERCENTAGE", audienceSizeBins: [5, 10, 20, 30, 50] },
    minMatchingSeedSize: 25,
    sharedAudienceMetrics: ["ALL"],
    outputS3Uri: "s3://demo-audiences/retail-by-share/",
    childResourceTagOnCreatePolicy: "NONE",
    tags: {},
  },
  streamingReach: {
    arn: arnOf(
      "configured-audience-model",
      "8e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b",
      PARTNER_ACCOUNT_ID,
    ),
    name: "Streaming partner reach",
    description: "Small absolute sizes for partner activation; metrics are not shared.",
    audienceModel: DEMO_AUDIENCE_MODELS.streaming,
    audienceSizeConfig: {
      audienceSizeType: "ABSOLUTE",
      audienceSizeBins: [1000, 2500, 5000, 10000, 20000],
    },
    minMatchingSeedSize: 100,
    sharedAudienceMetrics: ["NONE"],
    outputS3Uri: "s3://demo-audiences/streaming-reach/",
    childResourceTagOnCreatePolicy: "NONE",
    tags: { owner: "partnerships" },
  },
  streamingLookalikes: {
    arn: arnOf(
      "configured-audience-model",
      "b7c6d5e4-f3a2-4b1c-8d0e-9f8a7b6c5d4e",
      PARTNER_ACCOUNT_ID,
    ),
    name: "Streaming lookalikes",
    description: "Absolute sizes from 2,000 to 20,000 viewers; all metrics shared.",
    audienceModel: DEMO_AUDIENCE_MODELS.streaming,
    audienceSizeConfig: {
      audienceSizeType: "ABSOLUTE",
      audienceSizeBins: [2000, 5000, 10000, 20000],
    },
    minMatchingSeedSize: 100,
    sharedAudienceMetrics: ["ALL"],
    outputS3Uri: "s3://demo-audiences/streaming-lookalikes/",
    childResourceTagOnCreatePolicy: "NONE",
    tags: {},
  },
};

/** The role a model's owner lets Clean Rooms ML write audiences with, in the owner's account. */
export const outputRoleArnOf = (model: DemoConfiguredModel) =>
  `arn:aws:iam::${model.arn.split(":")[4]}:role/CleanRoomsMLAudienceWriter`;

export interface DemoModelAssociation {
  id: string;
  name: string;
  description: string;
  model: DemoConfiguredModel;
}

/**
 * Configured audience model associations with the demo collaboration: each
 * model's owner associated it (so the owner is the association's creator) and
 * let Clean Rooms manage its resource policy, which lets the other member
 * start jobs on it in this collaboration.
 */
export const DEMO_MODEL_ASSOCIATIONS: DemoModelAssociation[] = [
  {
    id: "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a",
    name: "Example Streaming lookalikes",
    description: "Viewers like your customers, from a year of streaming watch events.",
    model: DEMO_CONFIGURED_MODELS.streamingLookalikes,
  },
  {
    id: "e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b",
    name: "Example Streaming reach",
    description: "Small audiences for partner activation; the publisher shares no metrics.",
    model: DEMO_CONFIGURED_MODELS.streamingReach,
  },
  {
    id: "f3a4b5c6-d7e8-4f9a-8b1c-2d3e4f5a6b7c",
    name: "AnyCompany retail lookalikes",
    description: "Shoppers like a seed, from AnyCompany Retail's purchases.",
    model: DEMO_CONFIGURED_MODELS.retailAbsolute,
  },
];

const templateArn = (id: string) =>
  `arn:aws:cleanrooms:${REGION}:${ACCOUNT_ID}:membership/${DEMO_MEMBERSHIP_ID}/analysistemplate/${id}`;

export const DEMO_ANALYSIS_TEMPLATES = {
  customersBySegment: {
    arn: templateArn("3f2e1d0c-9b8a-4f7e-8d6c-5b4a3f2e1d0c"),
    name: "Customers by segment",
    sql: "SELECT user_id FROM customers WHERE segment = :segment",
    parameters: [{ name: "segment", defaultValue: "sports" }],
  },
  valuableCustomers: {
    arn: templateArn("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"),
    name: "Valuable customers of a segment",
    sql: "SELECT user_id FROM customers WHERE segment = :segment AND lifetime_value >= CAST(:min_value AS REAL)",
    parameters: [{ name: "segment" }, { name: "min_value", defaultValue: "500" }],
  },
} as const;

export const DEMO_JOB_IDS = {
  sportsFans: "1f0e2d3c-4b5a-4968-8776-5a4b3c2d1e0f",
  randomBaseline: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
  travelSql: "3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e",
  gamersTemplate: "4c5d6e7f-8a9b-4c0d-9e1f-3a4b5c6d7e8f",
  tooSmall: "5d6e7f8a-9b0c-4d1e-8f2a-4b5c6d7e8f9a",
  partnerFitness: "6e7f8a9b-0c1d-4e2f-9a3b-5c6d7e8f9a0b",
} as const;

/**
 * The demo jobs' ARNs as our account (the advertiser) sees them: the job the
 * partner started on our model too, under our ARN. The partner's ARNs of the
 * jobs it sees are DEMO_PARTNER_JOB_ARNS.
 */

export const DEMO_JOB_ARNS = {
  sportsFans: arnOf("audience-generation-job", DEMO_JOB_IDS.sportsFans),
  randomBaseline: arnOf("audience-generation-job", DEMO_JOB_IDS.randomBaseline),
  travelSql: arnOf("audience-generation-job", DEMO_JOB_IDS.travelSql),
  gamersTemplate: arnOf("audience-generation-job", DEMO_JOB_IDS.gamersTemplate),
  tooSmall: arnOf("audience-generation-job", DEMO_JOB_IDS.tooSmall),
  partnerFitness: arnOf("audience-generation-job", DEMO_JOB_IDS.partnerFitness),
} as const;

/** The same jobs as the partner (Example Streaming) sees them: those on its model, and its own. */
export const DEMO_PARTNER_JOB_ARNS = {
  gamersTemplate: arnOf("audience-generation-job", DEMO_JOB_IDS.gamersTemplate, PARTNER_ACCOUNT_ID),
  partnerFitness: arnOf("audience-generation-job", DEMO_JOB_IDS.partnerFitness, PARTNER_ACCOUNT_ID),
} as const;

/** Protected query identifiers of the demo jobs with SQL seeds. */
export const DEMO_PROTECTED_QUERY_IDS: Partial<Record<keyof typeof DEMO_JOB_IDS, string>> = {
  travelSql: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  gamersTemplate: "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e",
};

export const DEMO_EXPORT_ID = "7f8a9b0c-1d2e-4f3a-8b4c-6d7e8f9a0b1c";
