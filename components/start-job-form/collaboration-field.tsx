"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { membershipsQuery } from "@/lib/queries/collaborations";
import { UUID_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId } from "./form-helpers";
import { PickerMessage, PickerToggle } from "./picker";
import { TextField } from "./text-field";

const FIELD = "collaborationId";

// The list is loaded when first opened: most jobs are started without it.
const CollaborationPicker = dynamic(
  () => import("./collaboration-picker").then((m) => m.CollaborationPicker),
  { ssr: false, loading: () => <PickerMessage>Loading your collaborations…</PickerMessage> },
);

/**
 * The collaboration: typed as a UUID, or picked from the caller's active
 * memberships by name. A typed ID is named once the memberships are known,
 * and one that is not among them is pointed out (the service decides).
 */
export function CollaborationField() {
  const { control, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const value = useWatch({ control, name: FIELD });
  const [open, setOpen] = useState(false);
  const typed = UUID_PATTERN.test(value);
  const memberships = useQuery({ ...membershipsQuery(), enabled: typed });
  const known = memberships.data?.find((m) => m.collaborationId === value);
  const panelId = `${controlId(FIELD)}-picker`;

  function choose(collaborationId: string) {
    setValue(FIELD, collaborationId, {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    });
    setOpen(false);
    setFocus(FIELD);
  }

  return (
    <div className="space-y-2">
      <TextField
        name={FIELD}
        label="Collaboration ID"
        optional
        monospace
        placeholder="0f6b1c2e-1a2b-4c3d-8e9f-001122334455"
        description="The Clean Rooms collaboration this job belongs to: pick it by name, or type its ID (a lowercase UUID, as shown on the collaboration's page)."
      />
      <div aria-live="polite" className="text-sm">
        {known && (
          <p className="text-slate-700">
            <span className="font-medium">{known.collaborationName}</span>
            <span className="text-slate-500"> · created by {known.creatorDisplayName}</span>
          </p>
        )}
        {typed && memberships.isSuccess && !known && (
          <p className="text-red-700">
            This ID is not one of your active collaborations: check it, or pick one from the list.
          </p>
        )}
      </div>
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose from your collaborations
      </PickerToggle>
      {open && <CollaborationPicker id={panelId} current={value} onChoose={choose} />}
    </div>
  );
}
