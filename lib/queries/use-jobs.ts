"use client";

import { useQueries } from "@tanstack/react-query";
import { useState } from "react";

import { createBackoff } from "@/lib/polling";

import { jobQuery } from "./job";
import { jobPolling } from "./use-job";

/**
 * Several jobs at once (the comparison), each kept current while it is in
 * flight by exactly the job page's policy (`jobPolling`, documented on
 * `useJob`): its own backoff, stopping at a final status or when the job is
 * gone (404), paused in a hidden tab unless `notify`. Each result is the
 * job's own query: a job that cannot be read carries its error, and the
 * others are unaffected. Server-read errors are not asked again on mount.
 */
export function useJobs(arns: readonly string[], options: { notify?: boolean } = {}) {
  const [backoffs] = useState(() => new Map<string, ReturnType<typeof createBackoff>>());
  const backoffOf = (arn: string) => {
    let backoff = backoffs.get(arn);
    if (!backoff) {
      backoff = createBackoff();
      backoffs.set(arn, backoff);
    }
    return backoff;
  };
  return useQueries({
    queries: arns.map((arn) => ({
      ...jobQuery(arn),
      ...jobPolling(backoffOf(arn), { notify: options.notify }),
      retryOnMount: false,
    })),
  });
}
