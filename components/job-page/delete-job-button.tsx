"use client";

import { useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionError } from "@/lib/action-result";
import { deleteAudienceGenerationJob } from "@/lib/actions/delete-audience-generation-job";

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
  const [error, setError] = useState<ActionError | undefined>();
  const [pending, startTransition] = useTransition();

  const close = () => {
    if (pending) return;
    setOpen(false);
    setError(undefined);
  };

  return (
    <>
      <Button
        variant="secondary"
        className="text-red-700 hover:bg-red-50"
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Delete ${jobName}?`}
        description={
          <>
            <p>
              This removes the job and the audience it generated from Clean Rooms ML. It cannot be
              undone; files already exported to S3 stay where they are.
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
              onClick={() =>
                startTransition(async () => {
                  setError(undefined);
                  const result = await deleteAudienceGenerationJob({
                    audienceGenerationJobArn: jobArn,
                  });
                  if (result.ok) {
                    setOpen(false);
                    onDeleted();
                  } else {
                    setError(result.error);
                  }
                })
              }
            >
              {pending ? "Deleting…" : "Delete job"}
            </Button>
          </>
        }
      >
        {error && (
          <Alert tone="danger" role="alert" title="The job was not deleted">
            {error.message}
            {error.hint && <span className="block text-xs">{error.hint}</span>}
          </Alert>
        )}
      </Dialog>
    </>
  );
}
