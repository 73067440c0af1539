// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { EMPTY_FILTERS, parseJobsFilters } from "@/lib/jobs-filters";

import { parseSavedViews, SAVED_VIEWS_KEY, SavedViews, withView } from "./saved-views";

// The app router is not running in jsdom: the dashboard's link as the plain anchor it renders.
vi.mock("@/components/ui/link", () => ({
  Link: ({ href, children, ...rest }: React.ComponentProps<"a">) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const FAILED = parseJobsFilters(new URLSearchParams("status=CREATE_FAILED&q=spring")).filters;

describe("saved views", () => {
  it("saves the current view under a name, in this browser, as a link to share", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<SavedViews filters={FAILED} />);
    fireEvent.click(screen.getByRole("button", { name: "Save this view" }));
    fireEvent.change(screen.getByLabelText("Name of the view"), {
      target: { value: "  Failed spring  " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    const link = screen.getByRole("link", { name: "Failed spring" });
    expect(link).toHaveAttribute("href", "/?status=CREATE_FAILED&q=spring");
    expect(link).toHaveAttribute("aria-current", "true");
    expect(JSON.parse(window.localStorage.getItem(SAVED_VIEWS_KEY)!)).toEqual([
      { name: "Failed spring", href: "/?status=CREATE_FAILED&q=spring" },
    ]);

    fireEvent.click(screen.getByRole("button", { name: "Copy the link to Failed spring" }));
    expect(writeText).toHaveBeenCalledWith("http://localhost:3000/?status=CREATE_FAILED&q=spring");

    fireEvent.click(screen.getByRole("button", { name: "Remove Failed spring" }));
    expect(screen.queryByRole("link", { name: "Failed spring" })).not.toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(SAVED_VIEWS_KEY)!)).toEqual([]);
  });

  it("refuses a view without a name, saying so", () => {
    render(<SavedViews filters={EMPTY_FILTERS} />);
    fireEvent.click(screen.getByRole("button", { name: "Save this view" }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByText("Name the view to save it.")).toBeInTheDocument();
    expect(window.localStorage.getItem(SAVED_VIEWS_KEY)).toBeNull();
  });

  it("reads only well-formed views back, in the list's own form, and replaces a view of the same name", () => {
    expect(parseSavedViews("not json")).toEqual([]);
    expect(
      parseSavedViews(
        JSON.stringify([
          { name: "Mine", href: "/?sort=-created&status=active" },
          { name: "Elsewhere", href: "https://example.com/" },
          { name: 3, href: "/" },
          { name: "Weekly runs", href: "/?mine=1&tag=dashboard:schedule=weekly-sports-fans" },
        ]),
      ),
    ).toEqual([
      { name: "Mine", href: "/?status=ACTIVE" },
      // The tag filter and “started by me” are kept, whoever opens the view.
      { name: "Weekly runs", href: "/?tag=dashboard%3Aschedule%3Dweekly-sports-fans&mine=1" },
    ]);
    const views = withView([{ name: "A", href: "/" }], { name: "B", href: "/?q=x" });
    expect(withView(views, { name: "A", href: "/?q=y" })).toEqual([
      { name: "A", href: "/?q=y" },
      { name: "B", href: "/?q=x" },
    ]);
  });
});
