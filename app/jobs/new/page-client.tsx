"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

import { announceOnNextPage } from "@/components/layout/route-focus";
import { RepeatThisJobButton } from "@/components/schedules/repeat-this-job";
import { StartJobForm } from "@/components/start-job-form/start-job-form";
import { jobPath } from "@/lib/job-url";

/** The form, wired to the app's router: once the job has started, its page opens and says so. */
export function NewJobPageClient(
  props: Omit<ComponentProps<typeof StartJobForm>, "onStarted" | "submit" | "secondaryAction">,
) {
  const router = useRouter();
  return (
    <StartJobForm
      {...props}
      secondaryAction={<RepeatThisJobButton />}
      onStarted={(arn, name) => {
        announceOnNextPage(`Job “${name}” started. This is its page.`);
        router.push(jobPath(arn));
      }}
    />
  );
}
