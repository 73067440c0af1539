"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import type { SeedSource, StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId } from "./form-helpers";
import { PickerMessage, PickerToggle } from "./picker";
import { TextField } from "./text-field";

const FIELD = "roleArn";

const RolePicker = dynamic(() => import("./role-picker").then((m) => m.RolePicker), {
  ssr: false,
  loading: () => <PickerMessage>Loading roles…</PickerMessage>,
});

/** The seed's IAM role: typed as an ARN, or picked from roles used before and roles that trust Clean Rooms ML. */
export function RoleField({ source }: { source: SeedSource }) {
  const { control, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const value = useWatch({ control, name: FIELD });
  const [open, setOpen] = useState(false);
  const panelId = `${controlId(FIELD)}-picker`;

  function choose(roleArn: string) {
    setValue(FIELD, roleArn, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    setOpen(false);
    setFocus(FIELD);
  }

  return (
    <div className="space-y-2">
      <TextField
        name={FIELD}
        label="IAM role ARN"
        monospace
        placeholder="arn:aws:iam::111122223333:role/CleanRoomsMLSeedReader"
        description={
          source === "S3"
            ? "A role Clean Rooms ML can assume to read the seed file from its S3 bucket."
            : "A role Clean Rooms ML can assume to run the query and read its results."
        }
      />
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose a role
      </PickerToggle>
      {open && <RolePicker id={panelId} current={value} onChoose={choose} />}
    </div>
  );
}
