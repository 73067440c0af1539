"use client";

import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type FormEvent,
  type ReactNode,
} from "react";
import { flushSync } from "react-dom";
import {
  FormProvider,
  useForm,
  useFormContext,
  useWatch,
  type FieldErrors,
  type FieldPath,
} from "react-hook-form";

import { SubmitFailure } from "@/components/shared/submit-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionError } from "@/lib/action-result";
import {
  startAudienceGenerationJob,
  type StartJobResult,
} from "@/lib/actions/start-audience-generation-job";
import { NO_TAGS_BEYOND_FORM } from "@/lib/schemas/job-tags";
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/schemas/limits";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";
import { useAction } from "@/lib/use-action";

import { CollaborationField } from "./collaboration-field";
import { ComputeFields } from "./compute-fields";
import {
  loadStartJobFormRules,
  startJobFormResolver,
  useDeclaredParameters,
  type StartJobFormContext,
} from "./declared-parameters";
import { errorPaths, isRowField } from "./form-helpers";
import { ModelPicker } from "./model-picker";
import { RequestPreview } from "./request-preview";
import { SeedCheckWarning } from "./seed-check-warning";
import { SeedFields } from "./seed-fields";
import { ConfirmDoubts, SeedBlockers, useSeedReadiness } from "./seed-readiness";
import { JobTagRows, useTagsBeyondForm } from "./tags-beyond-form";
import { TextField } from "./text-field";
import { useLeaveGuard } from "./use-leave-guard";

type Submit = (values: StartJobFormValues) => Promise<StartJobResult>;

/** Fetch the form's rules as the person shows intent; a failure is left to the first check. */
const preloadRules = () => void loadStartJobFormRules().catch(() => undefined);

/** Refusals only a job start meets; the rest are every form's (`SubmitFailure`). */
const ERROR_TITLES: Record<string, string> = {
  ResourceNotFoundException: "Something the job needs was not found",
  ConflictException: "The job conflicts with one that exists",
};

/** The first control (in page order) whose field has an error, or the group of a list whose own error it is. */
function firstInvalidControl(form: HTMLFormElement, paths: string[]): HTMLElement | undefined {
  const wanted = new Set(paths);
  for (const element of Array.from(form.querySelectorAll<HTMLElement>("[name], [data-field]"))) {
    const name = element.dataset.field ?? element.getAttribute("name");
    if (name && wanted.has(name)) return element;
  }
  return undefined;
}

/** The copied job's description, as a hint under the empty field, with a button to take it anyway. */
function CopiedDescription({ text }: { text: string }) {
  const { control, setValue } = useFormContext<StartJobFormValues>();
  const current = useWatch({ control, name: "description" });
  if (current === text) return null;
  return (
    <div className="-mt-3 flex flex-wrap items-start gap-x-3 gap-y-1 text-xs text-slate-600">
      <p className="min-w-0 flex-1">
        The copied job&apos;s description was: <q className="break-words text-slate-800">{text}</q>
      </p>
      <Button
        variant="ghost"
        className="min-h-0 px-2 py-1 text-xs"
        onClick={() =>
          setValue("description", text, {
            shouldDirty: true,
            shouldTouch: true,
            shouldValidate: true,
          })
        }
      >
        Use it
        <span className="sr-only"> as this job&apos;s description</span>
      </Button>
    </div>
  );
}

/**
 * The start-job form: every member of StartAudienceGenerationJobRequest,
 * checked with the same schema as the server action (on the first Start job,
 * then while typing), a live preview of the request and CLI command,
 * and one job per press of Start job, however often it is pressed.
 *
 * `submit` is the server action unless a test passes another; `onStarted`
 * gets the new job's ARN and name (the page navigates to it).
 */
export function StartJobForm({
  defaultValues = emptyStartJobForm,
  submit = startAudienceGenerationJob,
  onStarted,
  notice,
  copiedDescription,
  signedIn = false,
  secondaryAction,
}: {
  defaultValues?: StartJobFormValues;
  submit?: Submit;
  onStarted: (audienceGenerationJobArn: string, name: string) => void;
  /** Shown above the form, e.g. where a cloned job's values came from. */
  notice?: ReactNode;
  /** The description of the job this one copies: shown beside the empty field, taken only on request. */
  copiedDescription?: string;
  /** Sign-in is on: the dashboard adds a tag recording who started the job, which counts toward the limit. */
  signedIn?: boolean;
  /** Another use of the values, beside Start job (inside the form: it may read them), e.g. Repeat this job. */
  secondaryAction?: ReactNode;
}) {
  // What the rules need beyond the values (react-hook-form's `context`, read at each check):
  // updated below, in the same render, from what the form's model and template reads give.
  const [context, setContext] = useState<StartJobFormContext>({
    beyond: NO_TAGS_BEYOND_FORM,
    declared: undefined,
  });
  const form = useForm<StartJobFormValues, StartJobFormContext>({
    defaultValues,
    resolver: startJobFormResolver,
    context,
    // Checked on the first Start job, then live: tabbing through an empty field marks nothing.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // Focus is moved by page order below, which registration order does not follow.
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const start = useAction(submit);
  const pending = start.pending;
  const [started, setStarted] = useState(false);
  const [banner, setBanner] = useState<ActionError | undefined>();
  const [advancedOpen, setAdvancedOpen] = useState(defaultValues.sparkProperties.length > 0);
  // The form re-renders here when the seed, the model or the form's state moves on; its parts
  // that take no changing props (the text fields, the model picker, the preview, …) are
  // memoized, so only what depends on the change renders again.
  const source = useWatch({ control: form.control, name: "seedSource" });
  const tagsBeyond = useTagsBeyondForm(form.control, signedIn);
  const declared = useDeclaredParameters(form.control);
  const readiness = useSeedReadiness(form.control);
  // Start job was pressed on a seed the form doubts: it asks before starting.
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  if (tagsBeyond.beyond !== context.beyond || declared !== context.declared) {
    setContext({ beyond: tagsBeyond.beyond, declared });
  }
  const { trigger, getFieldState, formState } = form;
  useEffect(() => {
    // A model picked after the tags were typed can take them over the limit: say so at once.
    if (formState.isSubmitted || getFieldState("tags").isDirty) void trigger("tags");
  }, [context.beyond, trigger, getFieldState, formState.isSubmitted]);

  useLeaveGuard(form.formState.isDirty && !started);

  function focusFirstInvalid(paths: string[]) {
    if (paths.some((p) => p === "sparkProperties" || p.startsWith("sparkProperties."))) {
      flushSync(() => setAdvancedOpen(true));
    }
    const target = formRef.current && firstInvalidControl(formRef.current, paths);
    if (target instanceof HTMLFieldSetElement) {
      // A list's own error sits at its top: show the top, however long the list (focus alone may not scroll).
      target.focus({ preventScroll: true });
      // (jsdom, in the component tests, has no scrolling.)
      target.scrollIntoView?.({ block: "start" });
    } else if (target) target.focus();
    else bannerRef.current?.focus();
  }

  /** Back to the seed from the confirmation: its first field. */
  function focusFirstSeedField() {
    const field = {
      S3: "s3Uri",
      SQL_QUERY: "queryString",
      ANALYSIS_TEMPLATE: "analysisTemplateArn",
    }[form.getValues("seedSource")];
    if (formRef.current) firstInvalidControl(formRef.current, [field])?.focus();
  }

  function onInvalid(errors: FieldErrors<StartJobFormValues>) {
    setBanner(undefined);
    focusFirstInvalid(errorPaths(errors));
  }

  function showServiceError(error: ActionError) {
    const entries = Object.entries(error.fieldErrors ?? {}).filter(([path]) => path !== "");
    for (const [path, message] of entries) {
      const target = isRowField(path) ? `${path}.root` : path;
      form.setError(target as FieldPath<StartJobFormValues>, { type: "server", message });
    }
    const fieldPaths = entries.map(([path]) => path);
    // An error the form can show beside a field needs no banner; anything else does.
    if (fieldPaths.length === 0 || error.fieldErrors?.[""] !== undefined) {
      flushSync(() => setBanner(error));
      bannerRef.current?.focus();
    } else {
      setBanner(undefined);
      focusFirstInvalid(fieldPaths);
    }
  }

  async function onValid(values: StartJobFormValues, confirmed = false) {
    if (started) return;
    if (!confirmed && readiness.doubts.length > 0) {
      flushSync(() => setConfirming(true));
      confirmRef.current?.focus();
      return;
    }
    setConfirming(false);
    setBanner(undefined);
    const result = await start.run(values);
    if (!result) return;
    if (result.ok) {
      setStarted(true);
      onStarted(result.data.audienceGenerationJobArn, values.name);
      return;
    }
    showServiceError(result.error);
  }

  /**
   * Before the first Start job, a field the person changed is checked as they
   * leave it (a wrong ARN said at once), then live while it is wrong; one
   * merely tabbed through is not, so an empty required field is not marked
   * before the form is sent. After it, react-hook-form checks on each change.
   */
  function checkChangedField(event: FocusEvent<HTMLFormElement> | FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const name = target.getAttribute("name") as FieldPath<StartJobFormValues> | null;
    if (!name || formState.isSubmitted) return;
    const field = getFieldState(name);
    if (event.type === "change" || event.type === "input" ? field.invalid : field.isDirty)
      void trigger(name);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending || started) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit((values) => onValid(values), onInvalid)(event);
  }

  const busy = pending || started;

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        onBlur={checkChangedField}
        onChange={checkChangedField}
        onFocus={preloadRules}
        onPointerEnter={preloadRules}
        noValidate
        aria-label="Start an audience generation job"
        className="space-y-6"
      >
        {notice}

        <Card title="Job" description="How you and your team will recognise this job in the list.">
          <div className="space-y-5">
            <TextField
              name="name"
              label="Job name"
              maxLength={NAME_MAX_LENGTH}
              placeholder="Spring sale lookalikes"
              description="Shown in the jobs list and on the job's page."
            />
            <TextField
              name="description"
              label="Description"
              optional
              multiline
              rows={2}
              maxLength={DESCRIPTION_MAX_LENGTH}
              description="What the audience is for, so a teammate can tell jobs apart."
            />
            {copiedDescription && <CopiedDescription text={copiedDescription} />}
          </div>
        </Card>

        <Card
          title="Model"
          description="The model decides which users count as similar to your seed."
        >
          <ModelPicker />
        </Card>

        <Card title="Seed audience" description="The customers your new audience should look like.">
          <SeedFields />
        </Card>

        {source !== "S3" && (
          <Card
            title="Compute"
            description="The workers that run your seed query. The defaults suit most jobs."
          >
            <ComputeFields advancedOpen={advancedOpen} onAdvancedOpenChange={setAdvancedOpen} />
          </Card>
        )}

        <Card
          title="Collaboration and tags"
          description="Optional details for finding and organising the job later."
        >
          <div className="space-y-6">
            <CollaborationField />
            <JobTagRows {...tagsBeyond} />
          </div>
        </Card>

        <Card
          title="Review"
          description="Nothing is sent until you press Start job. Copy either version to keep a record or to script the job."
        >
          <SeedCheckWarning />
          <RequestPreview />
        </Card>

        <div className="space-y-3">
          <div ref={bannerRef} tabIndex={-1} className="outline-none">
            {banner && (
              <SubmitFailure
                error={{ ...banner, message: banner.fieldErrors?.[""] ?? banner.message }}
                titles={ERROR_TITLES}
                fallbackTitle="The job was not started"
                button="Start job"
              />
            )}
          </div>
          <SeedBlockers blocking={readiness.blocking} />
          {confirming && readiness.doubts.length > 0 && !started && (
            <ConfirmDoubts
              ref={confirmRef}
              doubts={readiness.doubts}
              pending={pending}
              onConfirm={() => void form.handleSubmit((v) => onValid(v, true), onInvalid)()}
              onCancel={() => {
                setConfirming(false);
                focusFirstSeedField();
              }}
            />
          )}
          {started && (
            <Alert tone="success" role="status" title="Job started">
              Opening its page…
            </Alert>
          )}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
            <p role="status" className="text-xs text-slate-500 sm:mr-auto">
              {pending && !started
                ? "Starting the job…"
                : "Fields marked (optional) can be left empty."}
            </p>
            {secondaryAction}
            <Button type="submit" disabled={busy} className="w-full sm:w-auto">
              Start job
            </Button>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
