"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { startJobCliCommand } from "@/lib/cli-command";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { toStartRequest } from "@/lib/schemas/start-job-form-values";

type CopyState = "idle" | "copied" | "failed";

/** A copy button that says "Copied" for a moment (and tells screen readers), or says that copying is blocked. */
function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <span className="flex items-center gap-2">
      {state === "failed" && (
        <span className="text-xs text-amber-800">
          Copying is blocked here: select the text instead.
        </span>
      )}
      <Button
        variant="secondary"
        onClick={() => void copy()}
        className="min-h-8 px-2.5 py-1 text-xs"
      >
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {what}</span>
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? `${what} copied` : ""}
      </span>
    </span>
  );
}

function Block({ title, description, text }: { title: string; description: string; text: string }) {
  return (
    <div className="min-w-0 space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h3 className="text-sm font-medium text-slate-800">{title}</h3>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
        <CopyButton text={text} what={title} />
      </div>
      <pre
        tabIndex={0}
        role="region"
        aria-label={title}
        className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
      >
        <code>{text}</code>
      </pre>
    </div>
  );
}

/** The exact request the form would send, and the same call as an AWS CLI command, both live. */
export const RequestPreview = memo(function RequestPreview() {
  const { control } = useFormContext<StartJobFormValues>();
  const values = useWatch({ control }) as StartJobFormValues;
  const { json, cli } = useMemo(() => {
    const request = toStartRequest(values);
    return { json: JSON.stringify(request, null, 2), cli: startJobCliCommand(request) };
  }, [values]);

  return (
    <div className="grid gap-6">
      <Block
        title="Request JSON"
        description="Exactly what Start job sends to StartAudienceGenerationJob."
        text={json}
      />
      <Block
        title="AWS CLI command"
        description="The same job from a terminal, with your default AWS profile and region."
        text={cli}
      />
    </div>
  );
});
