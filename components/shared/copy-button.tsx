"use client";

import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";

/**
 * Copies `text` (an output location, a link) to the clipboard and says so;
 * when the browser refuses, shows the text to copy by hand. `label` names
 * what is copied for screen readers when several such buttons sit together.
 */
export function CopyButton({
  text,
  children,
  label,
  copied = "Copied",
}: {
  text: () => string;
  children: React.ReactNode;
  label?: string;
  copied?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const id = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(id);
  }, [state]);

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text());
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {children}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {state === "copied" && copied}
        {state === "failed" && (
          <>
            Copy failed; copy it here:{" "}
            <span className="font-mono break-all select-all">{text()}</span>
          </>
        )}
      </span>
    </span>
  );
}
