// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { CrpuPrice } from "@/lib/costs";
import { protectedQueryQuery } from "@/lib/queries/collaborations";
import { crpuPriceQuery } from "@/lib/queries/costs";
import type { ProtectedQueryData } from "@/lib/reads/collaborations";

import { ProtectedQuery } from "./protected-query";

afterEach(cleanup);

const COLLABORATION = "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5";
const QUERY_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

function renderQuery(price: CrpuPrice | null) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const data: ProtectedQueryData = {
    id: QUERY_ID,
    status: "SUCCESS",
    statistics: { totalDurationInMillis: 72_000, billedUnits: 1.28 },
  };
  client.setQueryData(protectedQueryQuery(COLLABORATION, QUERY_ID).queryKey, data);
  client.setQueryData(crpuPriceQuery().queryKey, { price });
  render(
    <QueryClientProvider client={client}>
      <ProtectedQuery collaborationId={COLLABORATION} protectedQueryId={QUERY_ID} />
    </QueryClientProvider>,
  );
  return screen.getByRole("region", { name: "Protected query" });
}

describe("what a SQL seed's run cost", () => {
  it("shows the billed CRPU-hours and says there is no price when none is set, inventing none", () => {
    const section = renderQuery(null);
    expect(section).toHaveTextContent("Billed compute1.28 CRPU-hours");
    expect(section).toHaveTextContent("No price set");
    expect(section).not.toHaveTextContent("$");
  });

  it("shows the cost at the configured price, with where that price comes from", () => {
    const section = renderQuery({ usdPerCrpuHour: 0.5, source: "CRPU_HOUR_PRICE_USD" });
    expect(screen.getByTestId("compute-cost")).toHaveTextContent("$0.64");
    expect(section).toHaveTextContent(
      "at $0.5 per CRPU-hour, price set by your administrator (CRPU_HOUR_PRICE_USD)",
    );
  });

  it("says whose clock its run time is, so it cannot be read as the job's own duration", () => {
    const card = renderQuery(null);
    const term = within(card).getByText("Query run time (Clean Rooms)");
    expect(term.nextElementSibling).toHaveTextContent("1 min 12 s");
    expect(card).toHaveTextContent(/it is not the time between the job's Created and Last changed/);
  });
});
