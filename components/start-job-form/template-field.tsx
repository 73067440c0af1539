"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { cn } from "@/components/ui/cn";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { RouteError } from "@/lib/fetch-json";
import {
  analysisTemplateQuery,
  analysisTemplatesQuery,
  membershipsQuery,
} from "@/lib/queries/collaborations";
import type { AnalysisTemplateData } from "@/lib/reads/collaborations";
import { ANALYSIS_TEMPLATE_ARN_PATTERN, UUID_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { abilitiesOf } from "./collaboration-field";
import { isRequiredParameter } from "./declared-parameters";
import { controlId } from "./form-helpers";
import {
  PickerChoices,
  PickerMessage,
  PickerPanel,
  PickerToggle,
  PickerUnavailable,
} from "./picker";
import { TextField } from "./text-field";

const FIELD = "analysisTemplateArn";

/**
 * The analysis template: typed as an ARN, or picked by name from the
 * collaboration's templates. Once the form names a template of a
 * collaboration it can read, its declared parameters (type, default,
 * required) and SQL show under it, and the form checks the rows against them
 * (declared-parameters.ts).
 */
export function TemplateField() {
  const { control, getValues, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const queryClient = useQueryClient();
  const arn = useWatch({ control, name: FIELD });
  const collaborationId = useWatch({ control, name: "collaborationId" });
  const [open, setOpen] = useState(false);
  const panelId = `${controlId(FIELD)}-picker`;
  const canRead = UUID_PATTERN.test(collaborationId) && ANALYSIS_TEMPLATE_ARN_PATTERN.test(arn);
  const template = useQuery({ ...analysisTemplateQuery(collaborationId, arn), enabled: canRead });

  async function choose(templateArn: string, templateCollaborationId: string) {
    setValue("collaborationId", templateCollaborationId, {
      shouldDirty: true,
      shouldValidate: true,
    });
    setValue(FIELD, templateArn, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    setOpen(false);
    setFocus(FIELD);
    let chosen: AnalysisTemplateData;
    try {
      chosen = await queryClient.fetchQuery(
        analysisTemplateQuery(templateCollaborationId, templateArn),
      );
    } catch {
      return; // The note under the field says why; the rows stay as typed.
    }
    // One row per declared parameter, keeping a value already typed for it; defaults filled in.
    const typed = new Map(getValues("parameters").map((row) => [row.key, row.value]));
    setValue(
      "parameters",
      chosen.parameters.map((p) => ({
        key: p.name,
        value: typed.get(p.name) || p.defaultValue || "",
      })),
      { shouldDirty: true },
    );
  }

  return (
    <div className="space-y-2">
      <TextField
        name={FIELD}
        label="Analysis template ARN"
        monospace
        placeholder="arn:aws:cleanrooms:<region>:<account>:membership/<membership-id>/analysistemplate/<template-id>"
        description="Pick it by name from your collaboration's templates, or paste its ARN from the template's page in AWS Clean Rooms."
      />
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose an analysis template
      </PickerToggle>
      {open && <TemplatePicker id={panelId} current={arn} onChoose={choose} />}
      <div aria-live="polite">
        {canRead && template.isError && <TemplateError error={template.error} />}
        {canRead && template.data && <TemplateDetails template={template.data} />}
        {!UUID_PATTERN.test(collaborationId) && ANALYSIS_TEMPLATE_ARN_PATTERN.test(arn) && (
          <p className="text-xs text-slate-500">
            Choose the job&apos;s collaboration (under Collaboration and tags) to see this
            template&apos;s parameters.
          </p>
        )}
      </div>
    </div>
  );
}

function TemplateError({ error }: { error: unknown }) {
  if (error instanceof RouteError && error.error.code === "ResourceNotFoundException") {
    return (
      <p className="text-sm text-red-700">
        No such analysis template in the chosen collaboration: check the ARN and the collaboration
        ID, or pick the template from the list.
      </p>
    );
  }
  return (
    <PickerUnavailable
      error={error}
      what="The template's parameters"
      permission="cleanrooms:GetCollaborationAnalysisTemplate"
    />
  );
}

/** The declared parameters' cells sit on the panel's edge, dense, with room between columns. */
const CELL = "py-1 pr-3 pl-0";
const LAST_CELL = "px-0 py-1";

function TemplateDetails({ template }: { template: AnalysisTemplateData }) {
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p>
        <span className="font-medium text-slate-900">{template.name}</span>
        {template.description && <span className="text-slate-600"> · {template.description}</span>}
      </p>
      {template.parameters.length > 0 ? (
        <Table variant="plain" className="text-xs">
          <TableCaption>Parameters the template declares</TableCaption>
          <TableHeader className="bg-transparent text-slate-500">
            <TableRow className="align-middle">
              <TableHead className={CELL}>Parameter</TableHead>
              <TableHead className={CELL}>Type</TableHead>
              <TableHead className={LAST_CELL}>Default</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody className="divide-slate-200">
            {template.parameters.map((p) => (
              <TableRow key={p.name} className="align-middle">
                <TableCell className={cn(CELL, "font-mono")}>{p.name}</TableCell>
                <TableCell className={CELL}>{p.type}</TableCell>
                <TableCell className={LAST_CELL}>
                  {!isRequiredParameter(p) ? (
                    <span className="font-mono">{p.defaultValue || '""'}</span>
                  ) : (
                    <span className="font-medium text-amber-800">Required</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-xs text-slate-600">The template declares no parameters.</p>
      )}
      {template.sql !== undefined && (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">
            The template&apos;s SQL
          </summary>
          <pre
            aria-label="The template's SQL (read-only)"
            className="mt-1 max-h-48 overflow-auto rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap text-slate-800"
          >
            {template.sql}
          </pre>
        </details>
      )}
    </div>
  );
}

/**
 * The analysis templates of the job's collaboration
 * (ListCollaborationAnalysisTemplates), by name and description. Without a
 * collaboration yet, the caller's memberships come first to choose one.
 */
function TemplatePicker({
  id,
  current,
  onChoose,
}: {
  id: string;
  current: string;
  onChoose: (templateArn: string, collaborationId: string) => void;
}) {
  const { control } = useFormContext<StartJobFormValues>();
  const formCollaboration = useWatch({ control, name: "collaborationId" });
  const [browsing, setBrowsing] = useState<string | undefined>(undefined);
  // "" while choosing a collaboration to browse.
  const collaborationId =
    browsing ?? (UUID_PATTERN.test(formCollaboration) ? formCollaboration : "");
  return (
    <PickerPanel id={id} label="Analysis templates">
      {collaborationId === "" ? (
        <ChooseCollaboration onChoose={setBrowsing} />
      ) : (
        <Templates
          collaborationId={collaborationId}
          current={current}
          onChoose={(arn) => onChoose(arn, collaborationId)}
          onOtherCollaboration={() => setBrowsing("")}
        />
      )}
    </PickerPanel>
  );
}

function ChooseCollaboration({ onChoose }: { onChoose: (collaborationId: string) => void }) {
  const memberships = useQuery(membershipsQuery());
  if (memberships.isPending) return <PickerMessage>Loading your collaborations…</PickerMessage>;
  if (memberships.isError) {
    return (
      <PickerUnavailable
        error={memberships.error}
        what="Your collaborations"
        permission="cleanrooms:ListMemberships"
      />
    );
  }
  return (
    <>
      <PickerMessage>Templates belong to a collaboration: which one?</PickerMessage>
      <PickerChoices
        label="Your collaborations"
        onChoose={onChoose}
        choices={memberships.data.map((m) => ({
          value: m.collaborationId,
          title: m.collaborationName,
          details: abilitiesOf(m),
        }))}
      />
    </>
  );
}

function Templates({
  collaborationId,
  current,
  onChoose,
  onOtherCollaboration,
}: {
  collaborationId: string;
  current: string;
  onChoose: (arn: string) => void;
  onOtherCollaboration: () => void;
}) {
  const templates = useQuery(analysisTemplatesQuery(collaborationId));
  const memberships = useQuery(membershipsQuery());
  const name = memberships.data?.find(
    (m) => m.collaborationId === collaborationId,
  )?.collaborationName;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-1 py-1 text-xs text-slate-600">
        <span>
          Templates of <span className="font-medium">{name ?? collaborationId}</span>
        </span>
        <button
          type="button"
          className="text-indigo-700 underline underline-offset-2"
          onClick={onOtherCollaboration}
        >
          Another collaboration
        </button>
      </div>
      {templates.isPending ? (
        <PickerMessage>Loading the analysis templates…</PickerMessage>
      ) : templates.isError ? (
        <PickerUnavailable
          error={templates.error}
          what="The collaboration's analysis templates"
          permission="cleanrooms:ListCollaborationAnalysisTemplates"
        />
      ) : templates.data.length === 0 ? (
        <PickerMessage>This collaboration has no analysis templates.</PickerMessage>
      ) : (
        <PickerChoices
          label="Analysis templates"
          current={current}
          onChoose={onChoose}
          choices={templates.data.map((t) => ({
            value: t.arn,
            title: t.name,
            details: t.description,
          }))}
        />
      )}
    </>
  );
}
