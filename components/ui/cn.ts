import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Join class names, skipping falsy ones (`clsx`), and let later Tailwind
 * classes win over earlier ones of the same property (`tailwind-merge`), so a
 * `className` passed to a primitive overrides its base classes instead of
 * racing them: `cn("px-3.5 py-2", "px-2")` is `"py-2 px-2"`.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
