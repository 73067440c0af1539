// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type {
  AssociatedModelData,
  ReadableModelData,
  UnreadableModelData,
} from "@/lib/reads/models";

import { ConfiguredModel } from "./configured-model";

afterEach(cleanup);

/** Every render counts ages to this moment, never the day the test runs. */
const NOW = new Date("2026-03-20T12:00:00Z");

const PARTNER_MODEL = "arn:aws:cleanrooms-ml:us-east-1:444455556666:configured-audience-model/p";
const OUR_MODEL = "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/o";
const ASSOCIATION: AssociatedModelData = {
  configuredAudienceModelArn: PARTNER_MODEL,
  associationId: "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a",
  associationName: "Example Streaming lookalikes",
  description: "Viewers like your customers.",
  collaborationId: "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5",
  collaborationName: "Retail and streaming lookalikes",
  owner: { accountId: "444455556666", memberName: "Example Streaming", yours: false },
};

describe("the job page's model section", () => {
  it("names a partner's model by its association and owner, and says plainly what the owner keeps", () => {
    const model: UnreadableModelData = {
      readable: false,
      configuredAudienceModelArn: PARTNER_MODEL,
      name: ASSOCIATION.associationName,
      description: ASSOCIATION.description,
      owner: ASSOCIATION.owner,
      association: ASSOCIATION,
    };
    render(<ConfiguredModel arn={PARTNER_MODEL} model={model} error={undefined} now={NOW} />);
    const section = screen.getByRole("region", { name: "Configured audience model" });
    expect(section).toHaveTextContent("Example Streaming lookalikes");
    expect(section).toHaveTextContent("In the collaboration Retail and streaming lookalikes");
    expect(section).toHaveTextContent("Example Streaming (444455556666), partner's");
    expect(section).toHaveTextContent(
      "The model's owner, Example Streaming, shares its audience sizes, minimum seed size and output location only through its results",
    );
    expect(section).toHaveTextContent("Viewers like your customers.");
    // Said as a fact: no error, no sizes or minimum made up.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(section).not.toHaveTextContent("could not be read");
    expect(section).not.toHaveTextContent("Audience sizes");
  });

  it("names an unassociated partner's model by account when that is all there is", () => {
    const model: UnreadableModelData = {
      readable: false,
      configuredAudienceModelArn: PARTNER_MODEL,
      owner: { accountId: "444455556666", yours: false },
    };
    render(<ConfiguredModel arn={PARTNER_MODEL} model={model} error={undefined} now={NOW} />);
    const section = screen.getByRole("region", { name: "Configured audience model" });
    expect(section).toHaveTextContent("Account 444455556666, partner's");
    expect(section).toHaveTextContent("The model's owner, account 444455556666, shares");
  });

  it("shows the owner its model's facts and its resource policy in words", () => {
    const model: ReadableModelData = {
      createTime: "2025-01-01T00:00:00.000Z",
      updateTime: "2025-01-01T00:00:00.000Z",
      name: "Retail lookalikes",
      audienceModelArn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-model/a",
      outputConfig: {
        destination: { s3Destination: { s3Uri: "s3://out/" } },
        roleArn: "arn:aws:iam::111122223333:role/W",
      },
      configuredAudienceModelArn: OUR_MODEL,
      status: "ACTIVE",
      sharedAudienceMetrics: ["ALL"],
      minMatchingSeedSize: 500,
      audienceSizeConfig: { audienceSizeType: "ABSOLUTE", audienceSizeBins: [5000, 10000] },
      readable: true,
      owner: { accountId: "111122223333", memberName: "AnyCompany Retail", yours: true },
      policy: {
        grants: [
          {
            accounts: ["444455556666"],
            actions: ["StartAudienceGenerationJob"],
            collaborationIds: [ASSOCIATION.collaborationId],
            denies: false,
          },
        ],
        unexplained: 0,
        names: {
          accounts: { "444455556666": "Example Streaming" },
          collaborations: { [ASSOCIATION.collaborationId]: ASSOCIATION.collaborationName },
        },
      },
    };
    render(<ConfiguredModel arn={OUR_MODEL} model={model} error={undefined} now={NOW} />);
    const section = screen.getByRole("region", { name: "Configured audience model" });
    expect(section).toHaveTextContent("AnyCompany Retail (111122223333), yours");
    expect(section).toHaveTextContent("500 users");
    expect(section).toHaveTextContent(
      "Example Streaming (444455556666) may start audience generation jobs on this model, in the collaboration Retail and streaming lookalikes only.",
    );
  });
});

describe("the model's age", () => {
  const ours = (createTime: string | undefined): ReadableModelData => ({
    createTime: "2025-01-01T00:00:00.000Z",
    updateTime: "2025-01-01T00:00:00.000Z",
    name: "Retail lookalikes",
    audienceModelArn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-model/a",
    outputConfig: {
      destination: { s3Destination: { s3Uri: "s3://out/" } },
      roleArn: "arn:aws:iam::111122223333:role/W",
    },
    configuredAudienceModelArn: OUR_MODEL,
    status: "ACTIVE",
    sharedAudienceMetrics: ["ALL"],
    readable: true,
    ...(createTime
      ? {
          audienceModel: {
            name: "Retail",
            createTime,
            trainingDataStartTime: "2025-12-01T00:00:00.000Z",
            trainingDataEndTime: "2026-02-28T00:00:00.000Z",
          },
        }
      : {}),
  });

  it("shows how old our own model is and its training window, warning past seven days", () => {
    render(
      <ConfiguredModel
        arn={OUR_MODEL}
        model={ours("2026-03-10T09:00:00Z")}
        error={undefined}
        now={NOW}
      />,
    );
    expect(screen.getByTestId("model-age")).toHaveTextContent("Trained 10 days ago");
    const section = screen.getByRole("region", { name: "Configured audience model" });
    expect(section).toHaveTextContent("On data from 2025-12-01 to 2026-02-28");
    expect(section).toHaveTextContent(
      "Older than 7 days. AWS recommends retraining a lookalike model weekly",
    );
  });

  it("does not warn about a model trained within the week", () => {
    render(
      <ConfiguredModel
        arn={OUR_MODEL}
        model={ours("2026-03-14T12:00:00Z")}
        error={undefined}
        now={NOW}
      />,
    );
    expect(screen.getByTestId("model-age")).toHaveTextContent("Trained 6 days ago");
    expect(screen.queryByText(/Older than 7 days/)).not.toBeInTheDocument();
  });

  it("says which permission would show the age when the audience model cannot be read", () => {
    render(<ConfiguredModel arn={OUR_MODEL} model={ours(undefined)} error={undefined} now={NOW} />);
    expect(
      screen.getByText(/allowing cleanrooms-ml:GetAudienceModel to the dashboard's AWS role/),
    ).toBeInTheDocument();
  });

  it("says a partner does not share its model's training", () => {
    const model: UnreadableModelData = {
      readable: false,
      configuredAudienceModelArn: PARTNER_MODEL,
      owner: { accountId: "444455556666", memberName: "Example Streaming", yours: false },
    };
    render(<ConfiguredModel arn={PARTNER_MODEL} model={model} error={undefined} now={NOW} />);
    expect(screen.getByRole("region", { name: "Configured audience model" })).toHaveTextContent(
      "The model's owner, Example Streaming, does not share when the model was trained or on which data",
    );
  });
});
