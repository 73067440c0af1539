// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { ActionResult } from "@/lib/action-result";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import { exportsQueryKey } from "@/lib/queries/exports";
import type { ExportJobData } from "@/lib/reads/exports";

import { ExportForm } from "./export-form";
import { SizeSelectionProvider } from "./size-selection";

vi.mock("@/lib/actions/start-audience-export-job", () => ({
  startAudienceExportJob: vi.fn(),
}));
const start = vi.mocked(startAudienceExportJob);

afterEach(cleanup);
beforeEach(() => start.mockReset());

const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-1";

function renderForm(client = new QueryClient()) {
  render(
    <QueryClientProvider client={client}>
      <SizeSelectionProvider exports={[]}>
        <ExportForm
          jobArn={JOB_ARN}
          jobName="Spring"
          options={[5_000, 25_000].map((value) => ({ type: "ABSOLUTE", value }))}
        />
      </SizeSelectionProvider>
    </QueryClientProvider>,
  );
  return {
    size: screen.getByLabelText("Audience size") as HTMLSelectElement,
    name: screen.getByLabelText("Export name") as HTMLInputElement,
    submit: screen.getByRole("button", { name: "Export audience" }),
  };
}

describe("the export form", () => {
  it("checks on submit with the schema's message, focuses the size and starts nothing", async () => {
    const user = userEvent.setup();
    const { size, submit } = renderForm();
    expect(screen.queryByText("Choose an audience size")).not.toBeInTheDocument();

    await user.click(submit);

    expect(await screen.findByText("Choose an audience size")).toBeInTheDocument();
    expect(size).toHaveFocus();
    expect(size).toHaveAttribute("aria-invalid", "true");
    expect(start).not.toHaveBeenCalled();
  });

  it("after a failed submit, checks again as the person corrects", async () => {
    const user = userEvent.setup();
    const { size, name, submit } = renderForm();
    await user.click(submit);
    await screen.findByText("Choose an audience size");

    await user.selectOptions(size, "ABSOLUTE:25000");
    await vi.waitFor(() =>
      expect(screen.queryByText("Choose an audience size")).not.toBeInTheDocument(),
    );

    await user.clear(name);
    expect(await screen.findByText("Name is required")).toBeInTheDocument();
    expect(start).not.toHaveBeenCalled();
  });

  it("the name follows the size until the person writes their own", async () => {
    const user = userEvent.setup();
    const { size, name } = renderForm();
    expect(name).toHaveValue("Spring – export");

    await user.selectOptions(size, "ABSOLUTE:5000");
    expect(name).toHaveValue("Spring – 5,000");

    await user.clear(name);
    await user.type(name, "For the newsletter");
    await user.selectOptions(size, "ABSOLUTE:25000");
    expect(name).toHaveValue("For the newsletter");
  });

  it("starts the export with the chosen size and name, then starts over", async () => {
    start.mockResolvedValue({ ok: true, data: null } as ActionResult<null>);
    const user = userEvent.setup();
    const { size, name, submit } = renderForm();
    await user.selectOptions(size, "ABSOLUTE:25000");

    await user.click(submit);

    expect(start).toHaveBeenCalledWith({
      audienceGenerationJobArn: JOB_ARN,
      name: "Spring – 25,000",
      audienceSize: { type: "ABSOLUTE", value: 25_000 },
    });
    expect(
      await screen.findByText("Export “Spring – 25,000” started. Its progress is shown below."),
    ).toBeInTheDocument();
    expect(size).toHaveValue("");
    expect(name).toHaveValue("Spring – export");
  });

  it("shows the service's refusal beside the field it names, keeping what was typed", async () => {
    start.mockResolvedValue({
      ok: false,
      error: {
        code: "ValidationException",
        message: "The request was not valid.",
        fieldErrors: { name: "Name is already used by another export" },
      },
    } as ActionResult<null>);
    const user = userEvent.setup();
    const { size, name, submit } = renderForm();
    await user.selectOptions(size, "ABSOLUTE:5000");

    await user.click(submit);

    expect(await screen.findByText("Name is already used by another export")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(size).toHaveValue("ABSOLUTE:5000");
    expect(name).toHaveValue("Spring – 5,000");
  });

  it("the “started” message gives way to the export's final state, read from the job's export list", async () => {
    start.mockResolvedValue({ ok: true, data: null } as ActionResult<null>);
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const user = userEvent.setup();
    const { size, submit } = renderForm(client);
    await user.selectOptions(size, "ABSOLUTE:25000");
    await user.click(submit);
    await screen.findByText("Export “Spring – 25,000” started. Its progress is shown below.");

    const exported = (status: ExportJobData["status"], extra: Partial<ExportJobData> = {}) =>
      [
        {
          name: "Spring – 25,000",
          audienceGenerationJobArn: JOB_ARN,
          audienceSize: { type: "ABSOLUTE", value: 25_000 },
          status,
          createTime: "2026-11-27T20:41:07.000Z",
          updateTime: "2026-11-27T20:41:07.000Z",
          ...extra,
        },
      ] as ExportJobData[];
    act(() => {
      client.setQueryData(
        exportsQueryKey(JOB_ARN),
        exported("ACTIVE", { outputLocation: "s3://out/spring/" }),
      );
    });
    expect(
      await screen.findByText("Export “Spring – 25,000” is ready in s3://out/spring/."),
    ).toHaveAttribute("role", "status");
    act(() => {
      client.setQueryData(
        exportsQueryKey(JOB_ARN),
        exported("CREATE_FAILED", { statusDetails: { message: "The bucket refused the write" } }),
      );
    });
    expect(
      await screen.findByText("Export “Spring – 25,000” failed: The bucket refused the write."),
    ).toHaveAttribute("role", "status");
  });
});
