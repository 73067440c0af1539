// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { WatchedJob } from "@/lib/notifications";

import { NotifyButton } from "./notify-button";
import { useJobWatch, useNotifyRequest } from "./use-job-watch";

/** A page watching one job, as the job page does. */
function Watching({ job }: { job: WatchedJob }) {
  const request = useNotifyRequest();
  const unfinished = useJobWatch([job], job.name, request.notifying);
  return (
    <>
      <NotifyButton request={request} unfinished={unfinished} />
      <p data-testid="notifying">{String(request.notifying)}</p>
    </>
  );
}

const spring = (status: WatchedJob["status"]): WatchedJob => ({
  arn: "arn:spring",
  name: "Spring lookalike",
  status,
});

let shown: { title: string; body?: string }[];
let permission: NotificationPermission;
let requestPermission: ReturnType<typeof vi.fn>;

beforeEach(() => {
  shown = [];
  permission = "default";
  requestPermission = vi.fn(async () => {
    permission = "granted";
    return permission;
  });
  class FakeNotification {
    static get permission() {
      return permission;
    }
    static requestPermission = requestPermission;
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
    close() {}
  }
  vi.stubGlobal("Notification", FakeNotification);
  document.title = "Spring lookalike · Clean Rooms ML";
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("watching a job finish", () => {
  it("shows the status in the tab title, changes it at the end, and gives the title back on leaving", () => {
    const { rerender, unmount } = render(<Watching job={spring("CREATE_PENDING")} />);
    expect(document.title).toBe("Pending · Spring lookalike");
    rerender(<Watching job={spring("CREATE_IN_PROGRESS")} />);
    expect(document.title).toBe("Generating · Spring lookalike");
    rerender(<Watching job={spring("ACTIVE")} />);
    expect(document.title).toBe("Active · Spring lookalike");
    unmount();
    expect(document.title).toBe("Spring lookalike · Clean Rooms ML");
  });

  it("gives the page's title back once there is no job to follow (deleted)", () => {
    const Page = ({ jobs }: { jobs: WatchedJob[] }) => {
      useJobWatch(jobs, "Spring lookalike", false);
      return null;
    };
    const { rerender } = render(<Page jobs={[spring("DELETE_IN_PROGRESS")]} />);
    expect(document.title).toBe("Deleting · Spring lookalike");
    rerender(<Page jobs={[]} />);
    expect(document.title).toBe("Spring lookalike · Clean Rooms ML");
  });

  it("leaves the title alone for a job already finished", () => {
    render(<Watching job={spring("ACTIVE")} />);
    expect(document.title).toBe("Spring lookalike · Clean Rooms ML");
    expect(screen.queryByRole("button", { name: /Notify me/ })).toBeNull();
  });

  it("asks for permission only on the button's press, then notifies once when the job finishes", async () => {
    const { rerender } = render(<Watching job={spring("CREATE_IN_PROGRESS")} />);
    expect(requestPermission).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Notify me when it finishes" }));
    });
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("notifying")).toHaveTextContent("true");
    expect(screen.getByRole("status")).toHaveTextContent("You will get a notification");

    rerender(<Watching job={spring("ACTIVE")} />);
    rerender(<Watching job={spring("ACTIVE")} />);
    expect(shown).toEqual([
      { title: "Spring lookalike: Active", body: expect.stringContaining("The audience is ready") },
    ]);
  });

  it("does not notify without being asked, and explains a refusal", async () => {
    requestPermission.mockImplementation(async () => {
      permission = "denied";
      return permission;
    });
    const { rerender } = render(<Watching job={spring("CREATE_IN_PROGRESS")} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Notify me when it finishes" }));
    });
    expect(screen.getByRole("status")).toHaveTextContent("Notifications are blocked");
    expect(screen.getByTestId("notifying")).toHaveTextContent("false");
    rerender(<Watching job={spring("ACTIVE")} />);
    expect(shown).toEqual([]);
  });

  it("says notifications are blocked only after the person asks, even when the browser blocks them already", async () => {
    permission = "denied";
    requestPermission.mockImplementation(async () => permission);
    render(<Watching job={spring("CREATE_IN_PROGRESS")} />);
    expect(screen.queryByText(/Notifications are blocked/)).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Notify me when it finishes" }));
    });
    expect(screen.getByRole("status")).toHaveTextContent("Notifications are blocked");
  });
});
