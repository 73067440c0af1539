import { createContext } from "react";
import type { FieldErrors, Resolver } from "react-hook-form";

import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { isBlankRow } from "@/lib/schemas/start-job-form";

/** The parameters an analysis template declares, as GetCollaborationAnalysisTemplate gives them. */
export interface DeclaredParameters {
  /** The template they belong to: the check applies only while the form names it. */
  templateArn: string;
  parameters: { name: string; type: string; defaultValue?: string }[];
}

/**
 * Where the template field leaves the chosen template's declared parameters
 * for the form's check. Not state: the check reads it when it runs, and a
 * template read changes no render of the form.
 */
export class DeclaredParametersHolder {
  private value: DeclaredParameters | undefined;
  set(value: DeclaredParameters | undefined): void {
    this.value = value;
  }
  get(): DeclaredParameters | undefined {
    return this.value;
  }
}

export const DeclaredParametersContext = createContext<DeclaredParametersHolder | undefined>(
  undefined,
);

type Errors = FieldErrors<StartJobFormValues>;

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
    if (p.defaultValue !== undefined) continue;
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

/** The form's resolver, followed by the template's check when the schema's own passed for those rows. */
export function withDeclaredParameters(
  resolver: Resolver<StartJobFormValues>,
  declared: DeclaredParametersHolder,
): Resolver<StartJobFormValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const extra = declaredParameterErrors(values, declared.get());
    if (Object.keys(extra).length === 0) return result;
    const errors = result.errors as Errors;
    if (errors.parameters) return result;
    return { values: {}, errors: { ...errors, ...extra } };
  };
}
