"use client";

import { lazy, Suspense, useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { deleteAudienceGenerationJob } from "@/lib/actions/delete-audience-generation-job";
import { useAction } from "@/lib/use-action";

// The confirmation loads when "Delete" is pointed at, focused or pressed, not with the page (the
// job page's budget, docs/ARCHITECTURE.md, "Page weight"); once opened it stays mounted, so closing
// it returns focus as the native dialog does.
const loadDialog = () => import("@/components/ui/dialog");
const Dialog = lazy(() => loadDialog().then((m) => ({ default: m.Dialog })));

/**
 * "Delete" with a confirmation naming the job. On success the dialog closes
 * and `onDeleted` lets the page follow the deletion to its end.
 */
export function DeleteJobButton({
  jobArn,
  jobName,
  onDeleted,
}: {
  jobArn: string;
  jobName: string;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const deletion = useAction(deleteAudienceGenerationJob);
  const pending = deletion.pending;

  const close = () => {
    if (pending) return;
    setOpen(false);
    deletion.clear();
  };

  return (
    <>
      <Button
        variant="secondary"
        className="text-red-700 hover:bg-red-50"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
      >
        Delete
      </Button>
      {asked && (
        <Suspense fallback={null}>
          <Dialog
            open={open}
            onClose={close}
            title={`Delete ${jobName}?`}
            description={
              <>
                <p>
                  This removes the job and the audience it generated from Clean Rooms ML. It cannot
                  be undone; files already exported to S3 stay where they are.
                </p>
              </>
            }
            footer={
              <>
                <Button variant="secondary" onClick={close} disabled={pending} autoFocus>
                  Cancel
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={async () => {
                    const result = await deletion.run({ audienceGenerationJobArn: jobArn });
                    if (result?.ok) {
                      setOpen(false);
                      onDeleted();
                    }
                  }}
                >
                  {pending ? "Deleting…" : "Delete job"}
                </Button>
              </>
            }
          >
            {deletion.error && (
              <ErrorAlert role="alert" title="The job was not deleted" error={deletion.error} />
            )}
          </Dialog>
        </Suspense>
      )}
    </>
  );
}
