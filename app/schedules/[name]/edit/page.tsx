import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getScheduleOutput } from "@/lib/schedules/reads";
import { formValuesFromSchedule } from "@/lib/schedules/schedule-request";
import { scheduleNameFromPath, schedulePath } from "@/lib/schedules/schedule-url";

import { EditSchedulePageClient } from "./page-client";

export const metadata: Metadata = { title: "Edit schedule" };
export const dynamic = "force-dynamic";

async function readForEdit(segment: string) {
  const name = scheduleNameFromPath(segment);
  if (!name) return undefined;
  try {
    return await getScheduleOutput(name);
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

/** The schedule form, filled from the schedule as EventBridge Scheduler holds it. */
export default async function EditSchedulePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const output = await readForEdit(name);
  if (!output) notFound();
  const values = formValuesFromSchedule(output);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Edit {values.name}</h1>
        <p className="text-sm text-slate-600">
          Saving replaces the schedule&apos;s settings; its runs so far stay as they are.
        </p>
      </header>
      <EditSchedulePageClient values={values} backHref={schedulePath(values.name)} />
    </div>
  );
}
