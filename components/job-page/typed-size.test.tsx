// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ok } from "@/lib/action-result";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";

import { ExportForm } from "./export-form";
import { SizeSelectionProvider } from "./size-selection";

vi.mock("@/lib/actions/start-audience-export-job", () => ({
  startAudienceExportJob: vi.fn(),
}));
const start = vi.mocked(startAudienceExportJob);

afterEach(cleanup);
beforeEach(() => start.mockReset());

const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/job-1";

/** A job on a partner's model that shares no metrics: no size to offer. */
async function renderForm() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SizeSelectionProvider exports={[]}>
        <ExportForm jobArn={JOB_ARN} jobName="Gamers" options={[]} />
      </SizeSelectionProvider>
    </QueryClientProvider>,
  );
  return {
    // The typed size's field loads on use.
    size: await screen.findByRole("textbox", { name: "Audience size" }),
    kind: screen.getByRole("combobox", { name: "Kind of audience size" }),
    submit: screen.getByRole("button", { name: "Export audience" }),
  };
}

describe("the export form without sizes to offer", () => {
  it("takes a typed size and says why the owner's sizes are not listed", async () => {
    await renderForm();
    expect(screen.getByText(/shares neither its sizes nor this job's metrics/)).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Choose a size…" })).not.toBeInTheDocument();
  });

  it.each([
    ["", "Choose an audience size"],
    ["0", "Audience size must be at least 1"],
    ["12.5", "Audience size must be a whole number"],
    ["20000001", "Audience size must be at most 20,000,000"],
  ])("refuses %j with the API's limit (%s), focused, starting nothing", async (typed, message) => {
    const user = userEvent.setup();
    const { size, submit } = await renderForm();
    if (typed) await user.type(size, typed);
    await user.click(submit);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(size).toHaveFocus();
    expect(start).not.toHaveBeenCalled();
  });

  it("refuses a percentage above 100", async () => {
    const user = userEvent.setup();
    const { size, kind, submit } = await renderForm();
    await user.type(size, "101");
    await user.selectOptions(kind, "PERCENTAGE");
    await user.click(submit);
    expect(
      await screen.findByText("A percentage audience size must be between 1 and 100"),
    ).toBeInTheDocument();
    expect(start).not.toHaveBeenCalled();
  });

  it("starts the export at the typed size, named after it", async () => {
    start.mockResolvedValue(ok(null));
    const user = userEvent.setup();
    const { size, submit } = await renderForm();
    await user.type(size, "2500");
    await user.click(submit);
    expect(start).toHaveBeenCalledWith({
      name: "Gamers – 2,500",
      audienceGenerationJobArn: JOB_ARN,
      audienceSize: { type: "ABSOLUTE", value: 2500 },
    });
  });
});
