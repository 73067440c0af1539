"use client";

import { useRouter } from "next/navigation";
import { useFormContext } from "react-hook-form";

import { Button } from "@/components/ui/button";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form-values";

/** Where the new-job form leaves its values for the schedule form (this tab only). */
export const SCHEDULE_DRAFT_KEY = "schedule-draft";

/** The new-job form's values as the schedule form's page finds them, or undefined. */
export function readScheduleDraft(): StartJobFormValues | undefined {
  try {
    const text = sessionStorage.getItem(SCHEDULE_DRAFT_KEY);
    return text ? (JSON.parse(text) as StartJobFormValues) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Repeat this job": opens the schedule form with the new-job form's values
 * as they are now (kept in this tab's session storage, not in the address:
 * a SQL query can be long). Nothing is started.
 */
export function RepeatThisJobButton() {
  const { getValues } = useFormContext<StartJobFormValues>();
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      className="w-full sm:w-auto"
      onClick={() => {
        sessionStorage.setItem(SCHEDULE_DRAFT_KEY, JSON.stringify(getValues()));
        router.push("/schedules/new?draft=1");
      }}
    >
      Repeat this job…
    </Button>
  );
}
