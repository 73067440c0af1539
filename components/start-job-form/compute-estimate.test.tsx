// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";

import type { CostRecord, CrpuPrice } from "@/lib/costs";
import type { CostHistory } from "@/lib/costs-reads";
import { costHistoryQuery } from "@/lib/queries/costs";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";

import { ComputeEstimate } from "./compute-estimate";

afterEach(cleanup);

const TEMPLATE = "arn:aws:cleanrooms:us-east-1:111122223333:membership/m/analysistemplate/t";
const run = (over: Partial<CostRecord>): CostRecord => ({
  jobArn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/j",
  jobName: "j",
  createTime: "2026-11-03T10:00:00.000Z",
  seedKey: `template:${TEMPLATE}`,
  worker: { type: "CR.1X", number: 16 },
  crpuHours: 1,
  durationMs: 60_000,
  tags: {},
  ...over,
});

function Form({ values, children }: { values: Partial<StartJobFormValues>; children: ReactNode }) {
  const form = useForm<StartJobFormValues>({
    defaultValues: { ...emptyStartJobForm, ...values },
  });
  return <FormProvider {...form}>{children}</FormProvider>;
}

function renderEstimate(records: CostRecord[], price: CrpuPrice | null = null) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const history: CostHistory = { records, price, unreadable: 0 };
  client.setQueryData(costHistoryQuery().queryKey, history);
  render(
    <QueryClientProvider client={client}>
      <Form values={{ seedSource: "ANALYSIS_TEMPLATE", analysisTemplateArn: TEMPLATE }}>
        <ComputeEstimate />
      </Form>
    </QueryClientProvider>,
  );
  return screen.getByRole("region", { name: "What past runs of this template cost" });
}

describe("the compute estimate before a run", () => {
  it("says plainly when the template never ran from this account", () => {
    const section = renderEstimate([run({ seedKey: "template:another" })]);
    expect(section).toHaveTextContent(
      "No history yet: this template has not run from this account.",
    );
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows each worker configuration's median and range of CRPU-hours and durations, priced when a price is set", () => {
    renderEstimate(
      [
        run({ crpuHours: 1, durationMs: 60_000 }),
        run({ crpuHours: 3, durationMs: 180_000 }),
        run({ crpuHours: 2, durationMs: 120_000 }),
        run({ worker: { type: "CR.4X", number: 4 }, crpuHours: 0.5, durationMs: 20_000 }),
      ],
      { usdPerCrpuHour: 0.5, source: "CRPU_HOUR_PRICE_USD" },
    );
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "4 × CR.4X10.520 s$0.25",
      "16 × CR.1X32 (1 to 3)2 min 0 s (1 min 0 s to 3 min 0 s)$1.00",
    ]);
    expect(screen.getByTestId("compute-estimate")).toHaveTextContent(
      "price set by your administrator (CRPU_HOUR_PRICE_USD)",
    );
  });
});
