// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { act, cleanup, render, screen } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { TimeCell } from "@/components/jobs-list/time-cell";

import { Timestamp } from "./timestamp";

// A reader far from UTC, set before any date format is made.
vi.hoisted(() => {
  process.env.TZ = "Asia/Kolkata";
});

const AT = "2026-11-27T20:41:07.000Z";
const LOCAL = "Nov 28, 2026, 2:11:07 AM GMT+5:30";
const UTC = "Nov 27, 2026, 8:41:07 PM UTC";

afterEach(cleanup);

describe("Timestamp (the job page's details panel)", () => {
  it("renders UTC on the server, hydrates without a mismatch, then shows the reader's own time", async () => {
    const server = renderToString(<Timestamp date={AT} />);
    expect(server).toContain(UTC);
    expect(server).not.toContain("GMT+5:30");

    const container = document.createElement("div");
    container.innerHTML = server;
    document.body.append(container);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, <Timestamp date={AT} />, {
        onRecoverableError: (error) => errors.push(error),
      });
    });
    expect(errors).toEqual([]);
    const time = container.querySelector(`time[datetime="${AT}"]`)!;
    expect(time).toHaveTextContent(LOCAL);
    expect(time).toHaveAttribute("title", `${LOCAL}\n${UTC}\n${AT}`);
    // UTC and the exact ISO time stay in view in the panel.
    expect(container.querySelector("[data-exact-time]")).toHaveTextContent(`${UTC} · ${AT}`);
    container.remove();
  });
});

describe("TimeCell (the jobs list)", () => {
  it("shows the reader's own time, UTC and the ISO time on hover", () => {
    // Three minutes after AT, whatever today is.
    vi.useFakeTimers({ now: Date.parse(AT) + 3 * 60_000, toFake: ["Date"] });
    try {
      render(<TimeCell date={AT} />);
      expect(screen.getByText(/ago$/)).toHaveAttribute("title", `${LOCAL}\n${UTC}\n${AT}`);
    } finally {
      vi.useRealTimers();
    }
  });
});
