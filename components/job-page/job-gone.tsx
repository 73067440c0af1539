import { ButtonLink } from "@/components/ui/button";

/** Shown once the service no longer knows the job: it was deleted (here, or by a teammate). */
export function JobGone() {
  return (
    <section
      role="status"
      aria-labelledby="job-gone-heading"
      className="rounded-lg border border-slate-200 bg-white px-5 py-8 text-center shadow-xs"
    >
      <h2 id="job-gone-heading" className="text-lg font-semibold text-slate-900">
        This job was deleted
      </h2>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
        Clean Rooms ML no longer has this job or the audience it generated. Files already exported
        to S3 are not affected.
      </p>
      <ButtonLink href="/" className="mt-4">
        Back to all jobs
      </ButtonLink>
    </section>
  );
}
