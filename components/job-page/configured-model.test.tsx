// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { ReadableModelData, UnreadableModelData } from "@/lib/reads/models";
import {
  OUR_MODEL_SUMMARY,
  PARTNER_ASSOCIATION,
  PARTNER_MODEL_ARN,
  PARTNER_MODEL_DETAILS,
} from "@/lib/reads/testing/models";

import { ConfiguredModel } from "./configured-model";

afterEach(cleanup);

/** Every render counts ages to this moment, never the day the test runs. */
const NOW = new Date("2026-03-20T12:00:00Z");

/** Our own model, readable, with `over` in place of its facts. */
const ourModel = (over: Partial<ReadableModelData> = {}): ReadableModelData => ({
  ...OUR_MODEL_SUMMARY,
  sharedAudienceMetrics: ["ALL"],
  readable: true,
  ...over,
});

/** Renders the section for a model and returns it. */
function renderSection(model: ReadableModelData | UnreadableModelData) {
  render(
    <ConfiguredModel
      arn={model.configuredAudienceModelArn}
      model={model}
      error={undefined}
      now={NOW}
    />,
  );
  return screen.getByRole("region", { name: "Configured audience model" });
}

describe("the job page's model section", () => {
  it("names a partner's model by its association and owner, and says plainly what the owner keeps", () => {
    const section = renderSection(PARTNER_MODEL_DETAILS);
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
    const section = renderSection({
      readable: false,
      configuredAudienceModelArn: PARTNER_MODEL_ARN,
      owner: { accountId: "444455556666", yours: false },
    });
    expect(section).toHaveTextContent("Account 444455556666, partner's");
    expect(section).toHaveTextContent("The model's owner, account 444455556666, shares");
  });

  it("shows the owner its model's facts and its resource policy in words", () => {
    const section = renderSection(
      ourModel({
        minMatchingSeedSize: 500,
        audienceSizeConfig: { audienceSizeType: "ABSOLUTE", audienceSizeBins: [5000, 10000] },
        owner: { accountId: "111122223333", memberName: "AnyCompany Retail", yours: true },
        policy: {
          grants: [
            {
              accounts: ["444455556666"],
              actions: ["StartAudienceGenerationJob"],
              collaborationIds: [PARTNER_ASSOCIATION.collaborationId],
              denies: false,
            },
          ],
          unexplained: 0,
          names: {
            accounts: { "444455556666": "Example Streaming" },
            collaborations: {
              [PARTNER_ASSOCIATION.collaborationId]: PARTNER_ASSOCIATION.collaborationName,
            },
          },
        },
      }),
    );
    expect(section).toHaveTextContent("AnyCompany Retail (111122223333), yours");
    expect(section).toHaveTextContent("500 users");
    expect(section).toHaveTextContent(
      "Example Streaming (444455556666) may start audience generation jobs on this model, in the collaboration Retail and streaming lookalikes only.",
    );
  });
});

describe("the model's age", () => {
  /** Our model, its audience model created at `createTime`, or unreadable when none is given. */
  const trainedAt = (createTime: string | undefined) =>
    ourModel(
      createTime
        ? {
            audienceModel: {
              name: "Retail",
              createTime,
              trainingDataStartTime: "2025-12-01T00:00:00.000Z",
              trainingDataEndTime: "2026-02-28T00:00:00.000Z",
            },
          }
        : {},
    );

  it("shows how old our own model is and its training window, warning past seven days", () => {
    const section = renderSection(trainedAt("2026-03-10T09:00:00Z"));
    expect(screen.getByTestId("model-age")).toHaveTextContent("Trained 10 days ago");
    expect(section).toHaveTextContent("On data from 2025-12-01 to 2026-02-28");
    expect(section).toHaveTextContent(
      "Older than 7 days. AWS recommends retraining a lookalike model weekly",
    );
  });

  it("does not warn about a model trained within the week", () => {
    renderSection(trainedAt("2026-03-14T12:00:00Z"));
    expect(screen.getByTestId("model-age")).toHaveTextContent("Trained 6 days ago");
    expect(screen.queryByText(/Older than 7 days/)).not.toBeInTheDocument();
  });

  it("says which permission would show the age when the audience model cannot be read", () => {
    renderSection(trainedAt(undefined));
    expect(
      screen.getByText(/allowing cleanrooms-ml:GetAudienceModel to the dashboard's AWS role/),
    ).toBeInTheDocument();
  });

  it("says a partner does not share its model's training", () => {
    const section = renderSection({
      readable: false,
      configuredAudienceModelArn: PARTNER_MODEL_ARN,
      owner: { accountId: "444455556666", memberName: "Example Streaming", yours: false },
    });
    expect(section).toHaveTextContent(
      "The model's owner, Example Streaming, does not share when the model was trained or on which data",
    );
  });
});
