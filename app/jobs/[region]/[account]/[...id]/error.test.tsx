// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import JobError from "./error";

afterEach(cleanup);
// The boundaries' links prefetch through the app router, which a unit test does not mount.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

describe("the job page's error", () => {
  it("says the job could not be loaded and tries again by reading it anew", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const retry = vi.fn();
    const reset = vi.fn();
    render(
      <JobError
        error={Object.assign(new Error("boom"), { digest: "abc123" })}
        reset={reset}
        retry={retry}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("This job could not be loaded");
    expect(screen.getByText("Reference: abc123")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to all jobs" })).toHaveAttribute("href", "/");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
    expect(reset).not.toHaveBeenCalled();
  });
});
