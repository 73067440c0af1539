/**
 * The export form's rules (a size must be chosen; the name follows the API's
 * name rule), built on its zod-free values (`./export-form-values`, re-exported).
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { nameSchema } from "@/lib/schemas/api";

import type { ExportFormValues } from "./export-form-values";

export * from "./export-form-values";

export const exportFormSchema = z.object({
  size: z.string().min(1, { message: "Choose an audience size" }),
  name: nameSchema,
}) satisfies z.ZodType<ExportFormValues>;
