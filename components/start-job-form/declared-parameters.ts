import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWatch, type Control, type FieldErrors, type Resolver } from "react-hook-form";

import { analysisTemplateQuery } from "@/lib/queries/collaborations";
import { NO_TAGS_BEYOND_FORM, type TagsBeyondForm } from "@/lib/schemas/job-tags";
import { ANALYSIS_TEMPLATE_ARN_PATTERN, UUID_PATTERN } from "@/lib/schemas/limits";
import { isBlankRow, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";

/** The parameters an analysis template declares, as GetCollaborationAnalysisTemplate gives them. */
export interface DeclaredParameters {
  /** The template they belong to: the check applies only while the form names it. */
  templateArn: string;
  parameters: { name: string; type: string; defaultValue?: string }[];
}

type Errors = FieldErrors<StartJobFormValues>;

/**
 * The one rule for "required", from the template's declaration
 * (AnalysisParameter): a parameter with a `defaultValue` may be left out (the
 * template applies its default), one without must be given. The rows' label
 * and the checks below both ask this.
 */
export function isRequiredParameter(p: { defaultValue?: string }): boolean {
  return p.defaultValue === undefined;
}

/** The names of the parameters a template requires, in its order. */
export function requiredParameterNames(declared: DeclaredParameters): string[] {
  return declared.parameters.filter(isRequiredParameter).map((p) => p.name);
}

/**
 * The template's own rules on the parameter rows, beside each row before
 * sending: a name the template does not declare, and a required parameter
 * (one without a default) left empty or left out. Known only once the
 * template could be read; without it the service decides.
 */
export function declaredParameterErrors(
  values: StartJobFormValues,
  declared: DeclaredParameters | undefined,
): Errors {
  if (
    values.seedSource !== "ANALYSIS_TEMPLATE" ||
    !declared ||
    declared.templateArn !== values.analysisTemplateArn
  )
    return {};
  const names = declared.parameters.map((p) => p.name);
  const rows: Record<number, { key?: object; value?: object }> = {};
  let root: string | undefined;
  values.parameters.forEach((row, i) => {
    if (isBlankRow(row)) return;
    if (!names.includes(row.key)) {
      rows[i] = {
        key: {
          type: "template",
          message: `The template declares no parameter ${row.key} (it declares: ${names.join(", ") || "none"})`,
        },
      };
    }
  });
  const missing: string[] = [];
  for (const p of declared.parameters) {
    if (!isRequiredParameter(p)) continue;
    const i = values.parameters.findIndex((row) => row.key === p.name);
    if (i < 0) missing.push(p.name);
    else if (values.parameters[i]!.value.trim() === "") {
      rows[i] = {
        ...rows[i],
        value: {
          type: "template",
          message: `${p.name} is required by the template: give it a value`,
        },
      };
    }
  }
  if (missing.length > 0) {
    root = `The template requires ${missing.join(", ")}: add ${missing.length === 1 ? "a row" : "rows"} for ${missing.length === 1 ? "it" : "them"}`;
  }
  if (Object.keys(rows).length === 0 && root === undefined) return {};
  const parameters: Record<string, unknown> = { ...rows };
  if (root !== undefined) parameters.root = { type: "template", message: root };
  return { parameters } as Errors;
}

/**
 * The chosen template's declared parameters, once the form names a template
 * of a collaboration it can read (the same read the template field shows).
 */
export function useDeclaredParameters(
  control: Control<StartJobFormValues, StartJobFormContext>,
): DeclaredParameters | undefined {
  const [source, arn, collaborationId] = useWatch({
    control,
    name: ["seedSource", "analysisTemplateArn", "collaborationId"],
  });
  const canRead =
    source === "ANALYSIS_TEMPLATE" &&
    UUID_PATTERN.test(collaborationId) &&
    ANALYSIS_TEMPLATE_ARN_PATTERN.test(arn);
  const template = useQuery({ ...analysisTemplateQuery(collaborationId, arn), enabled: canRead });
  const data = canRead ? template.data : undefined;
  return useMemo(
    () => (data ? { templateArn: data.arn, parameters: data.parameters } : undefined),
    [data],
  );
}

/** What the form's rules need beyond its values, given through react-hook-form's `context`. */
export interface StartJobFormContext {
  /** The tags the job gets beyond the form's, counted toward the tag limit (`lib/schemas/job-tags.ts`). */
  beyond: TagsBeyondForm;
  /** The chosen template's declared parameters, once read. */
  declared: DeclaredParameters | undefined;
}

/**
 * zod, its resolver and the form's rules, fetched on the form's first check
 * rather than with the page (the new job page's budget; see
 * `lib/schemas/start-job-form-values.ts`). Call it early, when the person
 * shows intent (the form takes focus or the pointer), so the check need not
 * wait; the bundler keeps what it loaded.
 */
export const loadStartJobFormRules = () =>
  Promise.all([import("@hookform/resolvers/zod"), import("@/lib/schemas/start-job-form")]);

/**
 * The start-job form's resolver: the schema (`startJobFormSchemaFor`, counting
 * `context.beyond`), then the template's own rules on the parameter rows
 * (`context.declared`) when the schema's own passed for those rows. The
 * context is the form's at the moment of each check.
 */
export const startJobFormResolver: Resolver<StartJobFormValues, StartJobFormContext> = async (
  values,
  context,
  options,
) => {
  const [{ zodResolver }, { startJobFormSchemaFor }] = await loadStartJobFormRules();
  const schema = startJobFormSchemaFor(context?.beyond ?? NO_TAGS_BEYOND_FORM);
  const result = await zodResolver(schema)(values, context, options);
  const extra = declaredParameterErrors(values, context?.declared);
  if (Object.keys(extra).length === 0) return result;
  const errors = result.errors as Errors;
  if (errors.parameters) return result;
  return { values: {}, errors: { ...errors, ...extra } };
};
