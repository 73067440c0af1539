"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { deleteSchedule } from "@/lib/actions/delete-schedule";
import { setScheduleState } from "@/lib/actions/set-schedule-state";
import { schedulePath } from "@/lib/schedules/schedule-url";
import { useAction } from "@/lib/use-action";

/** Pause or resume: the page reads the schedule again afterwards. */
export function PauseResumeButton({ name, enabled }: { name: string; enabled: boolean }) {
  const router = useRouter();
  const change = useAction(setScheduleState);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        className="min-h-8 px-2.5 py-1 text-xs"
        disabled={change.pending}
        onClick={async () => {
          const result = await change.run({ name, enabled: !enabled });
          if (result?.ok) router.refresh();
        }}
      >
        {change.pending ? (enabled ? "Pausing…" : "Resuming…") : enabled ? "Pause" : "Resume"}
        <span className="sr-only"> {name}</span>
      </Button>
      {change.error && <ErrorAlert role="alert" title="Not changed" error={change.error} />}
    </span>
  );
}

export function EditScheduleLink({ name }: { name: string }) {
  return (
    <ButtonLink
      variant="secondary"
      className="min-h-8 px-2.5 py-1 text-xs"
      href={`${schedulePath(name)}/edit`}
    >
      Edit<span className="sr-only"> {name}</span>
    </ButtonLink>
  );
}

/** Delete, with a confirmation that says the jobs stay. */
export function DeleteScheduleButton({
  name,
  onDeleted,
}: {
  name: string;
  onDeleted?: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useAction(deleteSchedule);
  const close = () => {
    if (deletion.pending) return;
    setOpen(false);
    deletion.clear();
  };
  return (
    <>
      <Button
        variant="secondary"
        className="min-h-8 px-2.5 py-1 text-xs text-red-700 hover:bg-red-50"
        onClick={() => setOpen(true)}
      >
        Delete<span className="sr-only"> {name}</span>
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Delete the schedule ${name}?`}
        description={
          <p>
            EventBridge Scheduler will start no more runs. The jobs it already started stay, with
            their audiences and exports: they are listed with every other job, still tagged with the
            schedule&apos;s name.
          </p>
        }
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={deletion.pending} autoFocus>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={deletion.pending}
              onClick={async () => {
                const result = await deletion.run({ name });
                if (result?.ok) {
                  setOpen(false);
                  if (onDeleted) onDeleted();
                  else router.refresh();
                }
              }}
            >
              {deletion.pending ? "Deleting…" : "Delete schedule"}
            </Button>
          </>
        }
      >
        {deletion.error && (
          <ErrorAlert role="alert" title="The schedule was not deleted" error={deletion.error} />
        )}
      </Dialog>
    </>
  );
}
