import type { KeyboardEvent } from "react";

/** Enter in a seed tool's own field does not submit the start-job form around it. */
export function keepFormClosed(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key === "Enter") event.preventDefault();
}
