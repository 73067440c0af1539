// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { JOB_STATUS } from "@/lib/job-status";

import { StatusPanel } from "./status-panel";

afterEach(cleanup);

const base = {
  statusDetails: undefined,
  updatedAt: Date.now(),
  refreshing: false,
  refreshError: undefined,
};

describe("status panel", () => {
  it("explains the status in plain words and announces nothing on first render", () => {
    render(<StatusPanel {...base} status="CREATE_IN_PROGRESS" />);
    expect(screen.getByRole("region", { name: "Status" })).toHaveTextContent(
      JOB_STATUS.CREATE_IN_PROGRESS.explanation,
    );
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(screen.getByText(/Updated \d+ s ago/)).toBeInTheDocument();
  });

  it("announces a status change to screen readers", () => {
    const { rerender } = render(<StatusPanel {...base} status="CREATE_IN_PROGRESS" />);
    rerender(<StatusPanel {...base} status="ACTIVE" />);
    expect(screen.getByRole("status")).toHaveTextContent("Job status changed to Active.");
  });

  it("shows the stable status code and the message of a failure", () => {
    render(
      <StatusPanel
        {...base}
        status="CREATE_FAILED"
        statusDetails={{ statusCode: "SEED_TOO_SMALL", message: "Only 12 users matched." }}
      />,
    );
    expect(screen.getByText("Why it failed")).toBeInTheDocument();
    expect(screen.getByText("SEED_TOO_SMALL")).toBeInTheDocument();
    expect(screen.getByText("Only 12 users matched.")).toBeInTheDocument();
  });

  it("says when a refresh failed while keeping what it has", () => {
    render(
      <StatusPanel
        {...base}
        status="CREATE_IN_PROGRESS"
        refreshError={{
          code: "NetworkError",
          message: "The service can't be reached.",
        }}
      />,
    );
    expect(screen.getByText("Could not refresh the status")).toBeInTheDocument();
  });
});
