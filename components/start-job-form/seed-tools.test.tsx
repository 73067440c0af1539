// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { configuredModelsQuery } from "@/lib/queries/models";
import { seedFolderQuery, seedLocationsQuery, seedPreflightQuery } from "@/lib/queries/seeds";
import type { SeedLocation, SeedReport } from "@/lib/seeds/types";

import { StartJobForm } from "./start-job-form";

const URI = "s3://demo-seeds/malformed.jsonl";
const REPORT: SeedReport = {
  uri: URI,
  folder: false,
  objects: 1,
  totalBytes: 100,
  bytesRead: 100,
  stoppedAtByteLimit: false,
  byteLimit: 100 * 1024 * 1024,
  lines: 3,
  uniqueIds: 2,
  uniqueOverMax: false,
  duplicates: 0,
  blankLines: 0,
  malformedLines: 1,
  malformed: [{ line: 1, problem: "is not valid JSON" }],
  problems: ["1 malformed line: the service fails the job at the first (line 1)."],
  durationMs: 1,
};

function renderForm(locations: SeedLocation[]) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  // What the page prefetched on the server.
  client.setQueryData(configuredModelsQuery().queryKey, []);
  client.setQueryData(seedLocationsQuery().queryKey, locations);
  client.setQueryData(seedPreflightQuery(URI).queryKey, REPORT);
  client.setQueryData(seedFolderQuery("demo-seeds", "", "").queryKey, {
    pages: [
      {
        bucket: "demo-seeds",
        prefix: "",
        folders: [],
        files: [
          { key: "malformed.jsonl", name: "malformed.jsonl", size: 100, lastModified: undefined },
        ],
      },
    ],
    pageParams: [""],
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  render(<StartJobForm onStarted={vi.fn()} submit={vi.fn()} />, { wrapper });
  return userEvent.setup();
}

afterEach(cleanup);

describe("seed tools beside the S3 URI", () => {
  it("offers browsing and upload only when the server has seed buckets", () => {
    renderForm([]);
    expect(screen.queryByRole("button", { name: "Browse S3" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Upload a file" })).not.toBeInTheDocument();
    cleanup();
    renderForm([{ bucket: "demo-seeds", prefix: "" }]);
    expect(screen.getByRole("button", { name: "Browse S3" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    expect(screen.getByRole("button", { name: "Upload a file" })).toBeInTheDocument();
  });

  it("offers a check for a typed URI, and repeats a check's problems in the review", async () => {
    const user = renderForm([]);
    const review = screen.getByRole("region", { name: "Review" });
    expect(within(review).queryByText(/seed check found problems/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Check this seed" })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("S3 URI"), URI);
    expect(screen.getByRole("button", { name: "Check this seed" })).toBeInTheDocument();
    expect(within(review).getByText(/seed check found problems/)).toBeInTheDocument();
    expect(within(review).getByText(REPORT.problems[0]!)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start job" })).toBeEnabled();
  });

  it("moves focus to the filled S3 URI after a file is picked in the browser, never to the page body", async () => {
    const user = renderForm([{ bucket: "demo-seeds", prefix: "" }]);
    await user.click(screen.getByRole("button", { name: "Browse S3" }));
    const browser = await screen.findByRole("region", { name: "S3 seed browser" });
    await user.click(await within(browser).findByRole("button", { name: /malformed\.jsonl/ }));
    const field = screen.getByLabelText("S3 URI");
    expect(field).toHaveValue(URI);
    expect(field).toHaveFocus();
    expect(screen.queryByRole("region", { name: "S3 seed browser" })).not.toBeInTheDocument();
  });
});
