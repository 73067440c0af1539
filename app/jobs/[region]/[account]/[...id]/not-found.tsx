import { ButtonLink } from "@/components/ui/button";

/** A link that names no job, or a job the service does not know (deleted, or in another account or region). */
export default function JobNotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-xs">
      <p className="text-sm font-medium text-slate-500">Not found</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">We can&apos;t find this job</h1>
      <p className="mt-2 text-sm text-slate-600">
        The link may be mistyped or cut short, the job may have been deleted, or it may belong to
        another AWS account or region than the one this dashboard uses.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <ButtonLink href="/">Back to all jobs</ButtonLink>
        <ButtonLink href="/jobs/new" variant="secondary">
          Start a new job
        </ButtonLink>
      </div>
    </section>
  );
}
