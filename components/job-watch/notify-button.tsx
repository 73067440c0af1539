"use client";

import { Button } from "@/components/ui/button";

import type { NotifyRequest } from "./use-job-watch";

/**
 * "Notify me when it finishes": opt-in, shown while something is unfinished.
 * The browser asks for permission only when this is pressed; a refusal
 * (there and then, or already in the browser's settings) is explained once the
 * button is pressed, never before.
 */
export function NotifyButton({
  request,
  unfinished,
  plural = false,
}: {
  request: NotifyRequest;
  unfinished: boolean;
  plural?: boolean;
}) {
  const { permission } = request;
  if (!unfinished || permission === undefined || permission === "unsupported") return null;
  // Blocked in the browser's settings: said only once the person asked to be notified.
  if (permission === "denied" && request.refused) {
    return (
      <p className="text-sm text-slate-600" role="status">
        Notifications are blocked for this site; allow them in the browser&apos;s site settings to
        be told when {plural ? "the jobs finish" : "the job finishes"}.
      </p>
    );
  }
  if (request.notifying) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <p role="status">
          You will get a notification when {plural ? "each job finishes" : "it finishes"}, even with
          this tab in the background.
        </p>
        <Button variant="ghost" onClick={request.stop}>
          Stop notifying
        </Button>
      </div>
    );
  }
  return (
    <Button variant="secondary" onClick={() => void request.ask()}>
      <BellIcon />
      {plural ? "Notify me when they finish" : "Notify me when it finishes"}
    </Button>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
      <path d="M10 2a5 5 0 0 0-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.6A.8.8 0 0 0 4 14h12a.8.8 0 0 0 .7-1.4l-1.2-1.6a2.4 2.4 0 0 1-.5-1.4V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z" />
    </svg>
  );
}
