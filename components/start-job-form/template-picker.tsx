"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { analysisTemplatesQuery, membershipsQuery } from "@/lib/queries/collaborations";
import { UUID_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { abilitiesOf } from "./collaboration-picker";
import { PickerChoices, PickerMessage, PickerPanel, PickerUnavailable } from "./picker";

/**
 * The analysis templates of the job's collaboration
 * (ListCollaborationAnalysisTemplates), by name and description. Without a
 * collaboration yet, the caller's memberships come first to choose one.
 */
export function TemplatePicker({
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
