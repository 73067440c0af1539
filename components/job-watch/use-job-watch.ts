"use client";

import { useEffect, useRef, useState } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isInFlight } from "@/lib/job-status";
import {
  askNotificationPermission,
  finishedMessage,
  newlyFinished,
  notificationState,
  showNotification,
  watchTitle,
  type NotificationState,
  type WatchedJob,
} from "@/lib/notifications";

export interface NotifyRequest {
  /** The person asked to be notified and the browser allows it: the page's job queries poll in a hidden tab too. */
  notifying: boolean;
  /** What the browser allows; "unsupported" without the Notification API; undefined before hydration. */
  permission: NotificationState | undefined;
  /** The person pressed the button and the browser refused (now or in its settings before). */
  refused: boolean;
  /** Asks (only now, on the person's press) for permission, and watches when given. */
  ask: () => Promise<void>;
  stop: () => void;
}

/** The person's opt-in to a notification, asked for only when they press the button. */
export function useNotifyRequest(): NotifyRequest {
  const [asked, setAsked] = useState(false);
  const [refused, setRefused] = useState(false);
  const [answered, setPermission] = useState<NotificationState | undefined>(undefined);
  // The browser's permission is known only in the browser: nothing is offered in the server's HTML.
  const hydrated = useHydrated();
  const permission = answered ?? (hydrated ? notificationState() : undefined);
  return {
    notifying: asked && permission === "granted",
    permission,
    refused,
    ask: async () => {
      const state = await askNotificationPermission();
      setPermission(state);
      setAsked(state === "granted");
      setRefused(state === "denied");
    },
    stop: () => setAsked(false),
  };
}

/**
 * Watching a page's jobs finish (docs/ARCHITECTURE.md, "Polling"): the tab
 * title shows their status once any was seen unfinished and changes at the
 * final status (`watchTitle`); while `notifying`, a desktop notification
 * fires for each job reaching a final status, even in a background tab.
 * Returns whether any job is unfinished.
 */
export function useJobWatch(
  jobs: readonly WatchedJob[],
  context: string,
  notifying: boolean,
): boolean {
  const unfinished = jobs.some((job) => isInFlight(job.status));
  const [sawUnfinished, setSawUnfinished] = useState(unfinished);
  if (unfinished && !sawUnfinished) setSawUnfinished(true);

  // The tab title, put back when the page goes (unless someone else changed it since).
  const title = watchTitle(jobs, sawUnfinished, context);
  const original = useRef<{ before: string; set: string } | undefined>(undefined);
  useEffect(() => {
    const kept = original.current;
    if (title === undefined) {
      // Nothing to follow any more (the job was deleted): the page's own title again.
      if (kept && document.title === kept.set) document.title = kept.before;
      original.current = undefined;
      return;
    }
    original.current = { before: kept?.before ?? document.title, set: title };
    document.title = title;
  }, [title]);
  useEffect(
    () => () => {
      const kept = original.current;
      if (kept && document.title === kept.set) document.title = kept.before;
    },
    [],
  );

  const statuses = useRef(new Map<string, AudienceGenerationJobStatus>());
  useEffect(() => {
    const finished = newlyFinished(statuses.current, jobs);
    statuses.current = new Map(jobs.map((job) => [job.arn, job.status]));
    if (!notifying) return;
    for (const job of finished) showNotification(finishedMessage(job), job.arn);
  }, [jobs, notifying]);

  return unfinished;
}
