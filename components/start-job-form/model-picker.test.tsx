// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";

import {
  configuredModelQuery,
  configuredModelsQuery,
  modelAssociationsQuery,
} from "@/lib/queries/models";
import type { ModelAssociationsData } from "@/lib/reads/models";
import {
  COLLABORATION_ID,
  OUR_MODEL_ARN,
  OUR_MODEL_SUMMARY,
  PARTNER_ASSOCIATION,
  PARTNER_MODEL_ARN,
  PARTNER_MODEL_DETAILS,
} from "@/lib/reads/testing/models";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";

import { ModelPicker } from "./model-picker";

afterEach(cleanup);

const ASSOCIATIONS: ModelAssociationsData = {
  accountId: "111122223333",
  collaborations: [
    {
      collaborationId: COLLABORATION_ID,
      collaborationName: "Retail and streaming lookalikes",
      models: [
        PARTNER_ASSOCIATION,
        {
          ...PARTNER_ASSOCIATION,
          configuredAudienceModelArn: OUR_MODEL_ARN,
          associationId: "f3a4b5c6-d7e8-4f9a-8b1c-2d3e4f5a6b7c",
          associationName: "AnyCompany retail lookalikes",
          owner: { accountId: "111122223333", memberName: "AnyCompany Retail", yours: true },
        },
      ],
    },
  ],
};

function Collaboration() {
  return <output aria-label="collaboration">{useWatch({ name: "collaborationId" })}</output>;
}

function Harness({ defaults }: { defaults: Partial<StartJobFormValues> }) {
  const form = useForm<StartJobFormValues>({
    defaultValues: { ...emptyStartJobForm, ...defaults },
  });
  return (
    <FormProvider {...form}>
      <ModelPicker />
      <Collaboration />
    </FormProvider>
  );
}

function renderPicker(defaults: Partial<StartJobFormValues> = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  client.setQueryData(configuredModelsQuery().queryKey, [OUR_MODEL_SUMMARY]);
  client.setQueryData(modelAssociationsQuery().queryKey, ASSOCIATIONS);
  client.setQueryData(configuredModelQuery(PARTNER_MODEL_ARN).queryKey, PARTNER_MODEL_DETAILS);
  render(
    <QueryClientProvider client={client}>
      <Harness defaults={defaults} />
    </QueryClientProvider>,
  );
  return screen.getByLabelText("Configured audience model") as HTMLSelectElement;
}

describe("the model picker", () => {
  it("lists each collaboration's models with their owner, then the account's own", () => {
    const select = renderPicker();
    const shared = within(select).getByRole("group", {
      name: "Shared in Retail and streaming lookalikes",
    });
    expect(
      within(shared)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "Example Streaming lookalikes (Example Streaming, partner's)",
      "AnyCompany retail lookalikes (AnyCompany Retail, yours)",
    ]);
    const own = within(select).getByRole("group", { name: "Your configured models" });
    expect(
      within(own)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Retail lookalikes"]);
  });

  it("picks a partner's model's collaboration and says plainly what its owner keeps", async () => {
    const user = userEvent.setup();
    const select = renderPicker();
    await user.selectOptions(
      select,
      screen.getByRole("option", { name: /Example Streaming lookalikes/ }),
    );
    expect(screen.getByLabelText("collaboration")).toHaveTextContent(COLLABORATION_ID);
    const facts = screen.getByRole("region", { name: "About this model" });
    expect(facts).toHaveTextContent(
      "Example Streaming lookalikes, shared in Retail and streaming lookalikes by Example Streaming, partner's.",
    );
    expect(facts).toHaveTextContent(
      "The model's owner shares its audience sizes and minimum seed size only through its results",
    );
    expect(within(facts).queryByRole("alert")).not.toBeInTheDocument();
    expect(facts).not.toHaveTextContent("could not be read");
  });

  it("fills in the collaboration of a partner's model the form opened with, but keeps one given", () => {
    renderPicker({ configuredAudienceModelArn: PARTNER_MODEL_ARN });
    expect(screen.getByLabelText("collaboration")).toHaveTextContent(COLLABORATION_ID);
    cleanup();
    const other = "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b";
    renderPicker({ configuredAudienceModelArn: PARTNER_MODEL_ARN, collaborationId: other });
    expect(screen.getByLabelText("collaboration")).toHaveTextContent(other);
  });

  it("leaves the collaboration alone for the account's own model", async () => {
    const user = userEvent.setup();
    const select = renderPicker();
    await user.selectOptions(select, screen.getByRole("option", { name: "Retail lookalikes" }));
    expect(screen.getByLabelText("collaboration")).toHaveTextContent("");
  });
});
