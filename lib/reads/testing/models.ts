/**
 * For tests: the models of a two-member collaboration as the model reads give
 * them (lib/reads/models.ts): our own configured model, and a partner's,
 * associated with the collaboration, that our account cannot read.
 */
import type {
  AssociatedModelData,
  ConfiguredModelSummaryData,
  UnreadableModelData,
} from "../models";

export const COLLABORATION_ID = "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5";
export const OUR_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/ours";
export const PARTNER_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:444455556666:configured-audience-model/partner";

/** Our configured model as ListConfiguredAudienceModels gives it. */
export const OUR_MODEL_SUMMARY: ConfiguredModelSummaryData = {
  createTime: "2025-01-01T00:00:00.000Z",
  updateTime: "2025-01-01T00:00:00.000Z",
  name: "Retail lookalikes",
  audienceModelArn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-model/a",
  outputConfig: {
    destination: { s3Destination: { s3Uri: "s3://out/" } },
    roleArn: "arn:aws:iam::111122223333:role/W",
  },
  configuredAudienceModelArn: OUR_MODEL_ARN,
  status: "ACTIVE",
};

/** The partner's model as associated with the collaboration. */
export const PARTNER_ASSOCIATION: AssociatedModelData = {
  configuredAudienceModelArn: PARTNER_MODEL_ARN,
  associationId: "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a",
  associationName: "Example Streaming lookalikes",
  description: "Viewers like your customers.",
  collaborationId: COLLABORATION_ID,
  collaborationName: "Retail and streaming lookalikes",
  owner: { accountId: "444455556666", memberName: "Example Streaming", yours: false },
};

/** What GetConfiguredAudienceModel gives us for the partner's model: its association's name and owner. */
export const PARTNER_MODEL_DETAILS: UnreadableModelData = {
  readable: false,
  configuredAudienceModelArn: PARTNER_MODEL_ARN,
  name: PARTNER_ASSOCIATION.associationName,
  description: PARTNER_ASSOCIATION.description,
  owner: PARTNER_ASSOCIATION.owner,
  association: PARTNER_ASSOCIATION,
};
