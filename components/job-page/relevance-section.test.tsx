// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { RelevanceSection } from "./relevance-section";

afterEach(cleanup);

const PERCENT_METRICS = {
  relevanceMetrics: [20, 5, 10].map((value, i) => ({
    audienceSize: { type: "PERCENTAGE" as const, value },
    score: [0.8, 2.4, 1.6][i],
  })),
  recallMetric: 0.61,
};

describe("Relevance by audience size", () => {
  it("shows the chart, the same numbers in a table in size order, and recall with its meaning", () => {
    render(<RelevanceSection status="ACTIVE" metrics={PERCENT_METRICS} model={undefined} />);
    const section = screen.getByRole("region", { name: "Relevance by audience size" });
    expect(within(section).getByRole("img")).toHaveAccessibleName(
      /relevance score by audience size/i,
    );

    const table = within(section).getByRole("table", {
      name: /relevance score for each audience size/i,
    });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "5%",
      "10%",
      "20%",
    ]);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual([
      "2.40Suggested",
      "1.60",
      "0.80",
    ]);
    expect(
      within(table).getByRole("columnheader", { name: "Audience size (% of users)" }),
    ).toBeInTheDocument();

    expect(within(section).getByText("Recall")).toBeInTheDocument();
    expect(within(section).getByText(/61%/)).toBeInTheDocument();
    expect(within(section).getByText(/no better than picking users at random/)).toBeInTheDocument();
    expect(
      within(section).getByText(/This recall is above 20%: better than random/),
    ).toBeInTheDocument();
  });

  it("labels absolute sizes as counts of users", () => {
    render(
      <RelevanceSection
        status="ACTIVE"
        metrics={{
          relevanceMetrics: [{ audienceSize: { type: "ABSOLUTE", value: 25_000 }, score: 1 }],
        }}
        model={undefined}
      />,
    );
    expect(screen.getByRole("columnheader", { name: "Audience size (users)" })).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "25,000" })).toBeInTheDocument();
  });

  it("says why instead of drawing an empty chart when the owner does not share metrics", () => {
    render(
      <RelevanceSection
        status="ACTIVE"
        metrics={undefined}
        model={{ sharedAudienceMetrics: ["NONE"] }}
      />,
    );
    const section = screen.getByRole("region", { name: "Relevance by audience size" });
    expect(
      within(section).getByText("The model's owner does not share metrics"),
    ).toBeInTheDocument();
    expect(within(section).queryByRole("img")).not.toBeInTheDocument();
    expect(within(section).queryByRole("table")).not.toBeInTheDocument();
  });

  it("says a running job is not finished yet", () => {
    render(<RelevanceSection status="CREATE_IN_PROGRESS" metrics={undefined} model={undefined} />);
    expect(screen.getByText("Not finished yet")).toBeInTheDocument();
  });
});
