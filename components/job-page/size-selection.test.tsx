// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";

import { ExportForm } from "./export-form";
import { RelevanceSection } from "./relevance-section";
import { SizeSelectionProvider } from "./size-selection";

afterEach(cleanup);

const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-1";
const SIZES = [5_000, 10_000, 25_000, 50_000];
const SCORES = [9, 7.5, 6.5, 2];
const METRICS = {
  relevanceMetrics: SIZES.map((value, i) => ({
    audienceSize: { type: "ABSOLUTE" as const, value },
    score: SCORES[i],
  })),
  recallMetric: 0.7,
};

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SizeSelectionProvider
        exports={[{ audienceSize: { type: "ABSOLUTE", value: 10_000 }, status: "ACTIVE" }]}
      >
        <RelevanceSection status="ACTIVE" metrics={METRICS} model={undefined} />
        <ExportForm
          jobArn={JOB_ARN}
          jobName="Spring"
          options={SIZES.map((value) => ({ type: "ABSOLUTE", value }))}
          scores={new Map(SIZES.map((value, i) => [`ABSOLUTE:${value}`, SCORES[i]!]))}
        />
      </SizeSelectionProvider>
    </QueryClientProvider>,
  );
  const table = screen.getByRole("table");
  const row = (size: string) =>
    within(table).getByRole("rowheader", { name: size }).closest("tr") as HTMLElement;
  return { table, row, select: screen.getByLabelText("Audience size") as HTMLSelectElement };
}

describe("one size selection for the chart, the table and the export form", () => {
  it("shows each size's score in the dropdown, with the suggestion and the exported size marked, nothing chosen", () => {
    const { select } = renderPage();
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Choose a size…",
      "5,000 users · score 9.00",
      "10,000 users · score 7.50 · export: Ready",
      "25,000 users · score 6.50 · suggested",
      "50,000 users · score 2.00",
    ]);
    expect(select.value).toBe("");
    expect(select).toHaveAccessibleDescription(
      /Suggested: 25,000 users, the largest size whose relevance score keeps at least 70% of the best score\. Nothing is chosen for you\./,
    );
  });

  it("marks exported sizes in the table with their export's status", () => {
    const { row } = renderPage();
    expect(within(row("10,000")).getByText("Ready")).toBeInTheDocument();
    expect(within(row("5,000")).queryByText("Ready")).not.toBeInTheDocument();
  });

  it("choosing a row sets the export form's size and name", async () => {
    const user = userEvent.setup();
    const { row, select } = renderPage();
    await user.click(screen.getByRole("button", { name: "Export 25,000 users" }));
    expect(select.value).toBe("ABSOLUTE:25000");
    expect(select).toHaveFocus();
    expect(screen.getByLabelText("Export name")).toHaveValue("Spring – 25,000");
    expect(row("25,000")).toHaveAttribute("data-chosen", "true");

    await user.click(row("5,000"));
    expect(select.value).toBe("ABSOLUTE:5000");
  });

  it("a size chosen in the dropdown is the one marked in the table", async () => {
    const user = userEvent.setup();
    const { row, select } = renderPage();
    await user.selectOptions(select, "ABSOLUTE:50000");
    expect(row("50,000")).toHaveAttribute("data-chosen", "true");
    expect(row("5,000")).not.toHaveAttribute("data-chosen");
  });

  it("hovering or focusing a row highlights it", async () => {
    const user = userEvent.setup();
    const { row } = renderPage();
    await user.hover(row("50,000"));
    expect(row("50,000")).toHaveAttribute("data-highlighted", "true");
    await user.tab();
    expect(screen.getByRole("button", { name: /Use suggested size/ })).toHaveFocus();
    await user.tab();
    expect(row("5,000")).toHaveAttribute("data-highlighted", "true");
  });

  it("the suggestion is chosen only when asked", async () => {
    const user = userEvent.setup();
    const { select } = renderPage();
    await user.click(screen.getByRole("button", { name: /Use suggested size/ }));
    expect(select.value).toBe("ABSOLUTE:25000");
  });
});

describe("a job close to random", () => {
  // Recall 0.22 against a random level of 20% (the largest size's share): the
  // scores alone would make 5% the suggestion, the verdict withholds it.
  const PCT = [5, 10, 20];
  const PCT_SCORES = [2.4, 1.6, 0.8];
  const RANDOM_METRICS = {
    relevanceMetrics: PCT.map((value, i) => ({
      audienceSize: { type: "PERCENTAGE" as const, value },
      score: PCT_SCORES[i],
    })),
    recallMetric: 0.22,
  };

  it("suggests no size anywhere on the page and says what to try instead", () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SizeSelectionProvider exports={[]}>
          <RelevanceSection status="ACTIVE" metrics={RANDOM_METRICS} model={undefined} />
          <ExportForm
            jobArn={JOB_ARN}
            jobName="Spring"
            options={PCT.map((value) => ({ type: "PERCENTAGE", value }))}
            scores={new Map(PCT.map((value, i) => [`PERCENTAGE:${value}`, PCT_SCORES[i]!]))}
            recall={RANDOM_METRICS.recallMetric}
          />
        </SizeSelectionProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByText(/Verdict: Close to random/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Use suggested size/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Suggested/)).not.toBeInTheDocument();
    expect(
      screen.getByText(/No size is suggested: .*Try a more specific seed/),
    ).toBeInTheDocument();
    const select = screen.getByLabelText("Audience size") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent).join("|")).not.toMatch(/suggested/);
  });
});
