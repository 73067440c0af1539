"use client";

import { useRouter } from "next/navigation";

import { announceOnNextPage } from "@/components/layout/route-focus";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import type { ScheduleFormValues } from "@/lib/schemas/schedule";

/** The filled form; once saved, the schedule's page opens and says so. */
export function EditSchedulePageClient({
  values,
  backHref,
}: {
  values: ScheduleFormValues;
  backHref: string;
}) {
  const router = useRouter();
  return (
    <ScheduleForm
      mode="edit"
      defaultValues={values}
      onSaved={(name) => {
        announceOnNextPage(`Schedule “${name}” saved. This is its page.`);
        router.push(backHref);
        router.refresh();
      }}
    />
  );
}
