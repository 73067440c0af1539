// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentType } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { ErrorBoundaryProps } from "@/components/layout/error-boundary";

import RootError from "./error";
import JobError from "./jobs/[region]/[account]/[...id]/error";
import NewJobError from "./jobs/new/error";

afterEach(cleanup);
// The boundaries' links prefetch through the app router, which a unit test does not mount.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const boundaries: [string, ComponentType<ErrorBoundaryProps>][] = [
  ["the root", RootError],
  ["the new-job page", NewJobError],
  ["the job page", JobError],
];

describe("every error boundary", () => {
  it.each(boundaries)(
    "of %s tries again by reading the page anew (retry, not reset)",
    async (_, Boundary) => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const retry = vi.fn();
      const reset = vi.fn();
      render(<Boundary error={new Error("boom")} reset={reset} retry={retry} />);
      expect(screen.getByRole("alert")).toBeInTheDocument();
      await userEvent.click(screen.getByRole("button", { name: "Try again" }));
      expect(retry).toHaveBeenCalledOnce();
      expect(reset).not.toHaveBeenCalled();
    },
  );
});
