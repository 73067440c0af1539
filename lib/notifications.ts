/**
 * Knowing when a job finishes without watching its tab: the tab's title while
 * jobs are unfinished, and an opt-in desktop notification (the browser's
 * Notification API). The rules are pure functions here; the browser calls are
 * thin wrappers, each safe where the API is missing. The polling side (a
 * hidden tab polls only while a notification was asked for) is in
 * `lib/polling.ts`.
 */
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isInFlight, isReady, jobStatusFacts } from "@/lib/job-status";

export interface WatchedJob {
  arn: string;
  name: string;
  status: AudienceGenerationJobStatus;
}

/**
 * The tab's title for the jobs a page shows, or undefined to keep the page's
 * own title. It shows a status once the page has seen an unfinished job
 * (`sawUnfinished`): "Generating · Spring lookalike" while one is unfinished,
 * "3 running · Compare jobs" while several are, then the final status
 * ("Active · Spring lookalike") or "All finished · Compare jobs". A page
 * opened on finished jobs, or with no job left to show (deleted), keeps its
 * own title.
 */
export function watchTitle(
  jobs: readonly WatchedJob[],
  sawUnfinished: boolean,
  context: string,
): string | undefined {
  const unfinished = jobs.filter((job) => isInFlight(job.status));
  if (jobs.length === 0 || (unfinished.length === 0 && !sawUnfinished)) return undefined;
  const [only] = unfinished.length === 1 ? unfinished : jobs.length === 1 ? jobs : [];
  if (only) return `${jobStatusFacts(only.status).label} · ${only.name}`;
  if (unfinished.length > 1) return `${unfinished.length} running · ${context}`;
  return `All finished · ${context}`;
}

/** The jobs that went from unfinished to a final status between two readings (by ARN). */
export function newlyFinished(
  before: ReadonlyMap<string, AudienceGenerationJobStatus>,
  jobs: readonly WatchedJob[],
): WatchedJob[] {
  return jobs.filter((job) => {
    const was = before.get(job.arn);
    return was !== undefined && isInFlight(was) && !isInFlight(job.status);
  });
}

/** What the notification of a finished job says. */
export function finishedMessage(job: WatchedJob): { title: string; body: string } {
  const label = jobStatusFacts(job.status).label;
  return {
    title: `${job.name}: ${label}`,
    body: isReady(job.status)
      ? "The audience is ready. Open the tab to read its relevance and export it."
      : `The audience generation job finished with the status ${label}.`,
  };
}

export type NotificationState = NotificationPermission | "unsupported";

/** Whether this browser can show notifications, and what the person allowed. */
export function notificationState(): NotificationState {
  return typeof window !== "undefined" && "Notification" in window
    ? window.Notification.permission
    : "unsupported";
}

/** Asks for permission (call only from the person's own press of a button). */
export async function askNotificationPermission(): Promise<NotificationState> {
  const state = notificationState();
  if (state !== "default") return state;
  try {
    return await window.Notification.requestPermission();
  } catch {
    return notificationState();
  }
}

/** Shows a notification when allowed; clicking it brings the tab forward. False when it could not be shown. */
export function showNotification(message: { title: string; body: string }, tag: string): boolean {
  if (notificationState() !== "granted") return false;
  try {
    const notification = new window.Notification(message.title, { body: message.body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
    return true;
  } catch {
    // Some browsers (Android Chrome) allow notifications only from a service worker.
    return false;
  }
}
