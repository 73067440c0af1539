import type { Metadata } from "next";
import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Link } from "@/components/ui/link";
import { currentViewer } from "@/lib/auth/session";
import { jobPath } from "@/lib/job-url";
import { ServerReads } from "@/lib/queries/hydrate";
import { configuredModelsQuery, modelAssociationsQuery } from "@/lib/queries/models";
import { dehydrateReads, fromServer, prefetchWithin } from "@/lib/queries/prefetch";
import { seedLocationsQuery } from "@/lib/queries/seeds";
import { makeQueryClient } from "@/lib/query-client";
import { readJob } from "@/lib/reads/jobs";
import { listConfiguredModels, listModelAssociations } from "@/lib/reads/models";
import {
  audienceGenerationJobArnSchema,
  configuredAudienceModelArnSchema,
} from "@/lib/schemas/api";
import {
  emptyStartJobForm,
  formValuesFromJob,
  type StartJobFormValues,
} from "@/lib/schemas/start-job-form";
import { seedLocations } from "@/lib/seeds/config";
import { toActionError } from "@/lib/service-errors";

import { NewJobPageClient } from "./page-client";

export const metadata: Metadata = { title: "Start a job" };

/** How long the page waits for the model picker's lists before painting without them. */
const PICKER_LISTS_WAIT_MS = 2_500;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The values to start from: a job to clone (`?from=<job ARN>`), or a model to preselect (`?model=<ARN>`). */
async function startingPoint(from: string | undefined, model: string | undefined) {
  let values: StartJobFormValues = emptyStartJobForm;
  let notice: ReactNode;
  let copiedDescription: string | undefined;
  if (from !== undefined) {
    const arn = audienceGenerationJobArnSchema.safeParse(from);
    if (!arn.success) {
      notice = (
        <Alert tone="warning" role="alert" title="That link does not name a job">
          The address asked to copy the settings of “{from}”, which is not an audience generation
          job ARN. The form below starts empty.
        </Alert>
      );
    } else {
      try {
        const { data: job } = await readJob(arn.data, { fresh: true });
        values = formValuesFromJob(job);
        copiedDescription = job.description || undefined;
        notice = (
          <Alert tone="info" title={`Settings copied from “${job.name}”`}>
            <p>
              Every field is filled in from{" "}
              <Link href={jobPath(job.audienceGenerationJobArn)} className="font-medium underline">
                that job
              </Link>
              , under a new name; its description is shown for you to reuse or replace. Change what
              you need; nothing is sent until you press Start job.
            </p>
            {!job.seedAudience && (
              <p className="mt-1">
                That job&apos;s seed audience is not visible to this account: choose the seed again.
              </p>
            )}
          </Alert>
        );
      } catch (thrown) {
        const error = toActionError(thrown);
        notice = (
          <ErrorAlert
            tone="warning"
            role="alert"
            title="The job to copy could not be read"
            error={error}
          >
            <span className="mt-1 block">The form below starts empty.</span>
          </ErrorAlert>
        );
      }
    }
  }
  if (
    from === undefined &&
    model !== undefined &&
    configuredAudienceModelArnSchema.safeParse(model).success
  ) {
    values = { ...values, configuredAudienceModelArn: model };
  }
  return { values, notice, copiedDescription };
}

export default async function NewJobPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const queryClient = makeQueryClient();
  const [{ values, notice, copiedDescription }, , , , viewer] = await Promise.all([
    startingPoint(one(params.from), one(params.model)),
    // The model picker's lists: our models, and the collaborations' (a partner's among them), on
    // first paint when they come quickly; else the picker reads them in the browser (and says why
    // one failed), rather than hold the page while the service throttles.
    prefetchWithin(
      queryClient.prefetchQuery({
        ...configuredModelsQuery(),
        ...fromServer(listConfiguredModels),
      }),
      PICKER_LISTS_WAIT_MS,
    ),
    prefetchWithin(
      queryClient.prefetchQuery({
        ...modelAssociationsQuery(),
        ...fromServer(listModelAssociations),
      }),
      PICKER_LISTS_WAIT_MS,
    ),
    // The seed buckets (SEED_BUCKETS): whether the form offers browsing and upload.
    queryClient.prefetchQuery({
      ...seedLocationsQuery(),
      ...fromServer(async () => seedLocations()),
    }),
    // Signed in, the job gets a tag recording who started it, which counts toward the tag limit.
    currentViewer().catch(() => undefined),
  ]);
  const cloning = params.from !== undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {cloning ? "Start a similar job" : "Start an audience job"}
        </h1>
        <p className="text-sm text-slate-600">
          Clean Rooms ML finds users who resemble a seed of your customers. Fill in the seed and the
          model; the rest is optional.
        </p>
      </header>
      <ServerReads state={dehydrateReads(queryClient)}>
        <NewJobPageClient
          // A new clone source or model gives a fresh form.
          key={`${one(params.from) ?? ""}|${one(params.model) ?? ""}`}
          defaultValues={values}
          notice={notice}
          copiedDescription={copiedDescription}
          signedIn={viewer?.user !== undefined}
        />
      </ServerReads>
    </div>
  );
}
