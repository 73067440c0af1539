"use client";

import { CopyButton } from "@/components/shared/copy-button";
import { jobPath } from "@/lib/job-url";

/** Copies the job's shareable link: it opens the same job in a teammate's browser with nothing else shared. */
export function CopyLinkButton({ jobArn }: { jobArn: string }) {
  return (
    <CopyButton
      text={() => new URL(jobPath(jobArn), window.location.origin).toString()}
      copied="Link copied"
    >
      <LinkIcon />
      Copy link
    </CopyButton>
  );
}

function LinkIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path d="M12.232 4.232a2.5 2.5 0 0 1 3.536 3.536l-1.225 1.224a.75.75 0 0 0 1.061 1.06l1.224-1.224a4 4 0 0 0-5.656-5.656l-3 3a4 4 0 0 0 .225 5.865.75.75 0 0 0 .977-1.138 2.5 2.5 0 0 1-.142-3.667l3-3Z" />
      <path d="M11.603 7.963a.75.75 0 0 0-.977 1.138 2.5 2.5 0 0 1 .142 3.667l-3 3a2.5 2.5 0 0 1-3.536-3.536l1.225-1.224a.75.75 0 0 0-1.061-1.06l-1.224 1.224a4 4 0 1 0 5.656 5.656l3-3a4 4 0 0 0-.225-5.865Z" />
    </svg>
  );
}
