"use client";

import { useEffect, useState, type ReactNode } from "react";

import { cn } from "./cn";

export interface ToastMessage {
  id: string;
  tone: "success" | "danger" | "neutral";
  children: ReactNode;
}

const TONES = {
  success: "border-l-emerald-500",
  danger: "border-l-red-500",
  neutral: "border-l-slate-400",
} as const;

/** How long a toast stays when nobody points at or focuses it. */
export const TOAST_MS = 10_000;

/**
 * Short visible messages in the corner of the screen, each with a close
 * button, gone by themselves after {@link TOAST_MS} unless pointed at or
 * focused. Not a live region: the page announces the same news to screen
 * readers its own way, once.
 */
export function Toasts({
  toasts,
  onDismiss,
}: {
  toasts: readonly ToastMessage[];
  onDismiss: (id: string) => void;
}) {
  if (toasts.length === 0) return null;
  return (
    <div
      data-toasts
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-6 sm:bottom-6"
    >
      {toasts.map((toast) => (
        <Toast key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function Toast({
  toast,
  onDismiss,
}: {
  toast: ToastMessage;
  /** Keep it stable (`useCallback`): a new one restarts the toast's time. */
  onDismiss: (id: string) => void;
}) {
  const [held, setHeld] = useState(false);
  const { id } = toast;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss, id]);
  return (
    <div
      data-toast
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={cn(
        "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-md border border-l-4 border-slate-200 bg-white px-4 py-3 text-sm text-slate-800 shadow-lg",
        TONES[toast.tone],
      )}
    >
      <div className="min-w-0 flex-1">{toast.children}</div>
      <button
        type="button"
        onClick={() => onDismiss(id)}
        aria-label="Dismiss"
        className="-m-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor">
          <path d="M4 4l8 8M12 4l-8 8" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
