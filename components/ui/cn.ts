import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Join class names, skipping falsy ones (`clsx`), and let later Tailwind
 * classes win over earlier ones of the same property (`tailwind-merge`): a
 * `className` passed to a component overrides its base classes.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
