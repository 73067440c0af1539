// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { protectedQueryQuery } from "@/lib/queries/collaborations";

import { ProtectedQuery } from "./protected-query";

afterEach(cleanup);

const COLLABORATION = "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";

describe("the job's protected query", () => {
  it("says whose clock its run time is, so it cannot be read as the job's own duration", () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(protectedQueryQuery(COLLABORATION, "q-1").queryKey, {
      id: "q-1",
      status: "SUCCESS",
      statistics: { totalDurationInMillis: 72_000 },
    });
    render(
      <QueryClientProvider client={client}>
        <ProtectedQuery collaborationId={COLLABORATION} protectedQueryId="q-1" />
      </QueryClientProvider>,
    );
    const card = screen.getByRole("region", { name: "Protected query" });
    const term = within(card).getByText("Query run time (Clean Rooms)");
    expect(term.nextElementSibling).toHaveTextContent("1 min 12 s");
    expect(card).toHaveTextContent(/it is not the time between the job's Created and Last changed/);
  });
});
