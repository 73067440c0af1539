"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { seedPreflightQuery } from "@/lib/queries/seeds";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

/**
 * In the review: the seed check's findings again, when the seed it checked
 * is the one the job will use and it breaks a rule. Only reads a check
 * already made (never starts one); Start job stays possible.
 */
export function SeedCheckWarning() {
  const { control } = useFormContext<StartJobFormValues>();
  const [source, uri] = useWatch({ control, name: ["seedSource", "s3Uri"] });
  const trimmed = (uri ?? "").trim();
  const report = useQuery({ ...seedPreflightQuery(trimmed), enabled: false });
  const problems = source === "S3" && trimmed !== "" ? report.data?.problems : undefined;
  if (!problems || problems.length === 0) return null;
  return (
    <Alert tone="warning" title="The seed check found problems with this seed" className="mb-4">
      <ul className="list-disc space-y-0.5 pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p className="mt-1 text-xs">
        The service would likely fail the job. Start job asks you to confirm before it starts.
      </p>
    </Alert>
  );
}
