/**
 * The export form's schema: a size must be chosen, and the name follows the
 * API's name rule. The size comes from the configured model's bins. The
 * values and the request they make are in `./export-form-values` (no zod),
 * re-exported here.
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
