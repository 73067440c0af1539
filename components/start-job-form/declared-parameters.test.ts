import { describe, expect, it } from "vitest";

import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";

import {
  declaredParameterErrors,
  startJobFormResolver,
  type DeclaredParameters,
  type StartJobFormContext,
} from "./declared-parameters";

const ARN =
  "arn:aws:cleanrooms:us-east-1:111122223333:membership/8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d/analysistemplate/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const declared: DeclaredParameters = {
  templateArn: ARN,
  parameters: [
    { name: "segment", type: "VARCHAR" },
    { name: "min_value", type: "REAL", defaultValue: "500" },
  ],
};
const form = (parameters: StartJobFormValues["parameters"]): StartJobFormValues => ({
  ...emptyStartJobForm,
  seedSource: "ANALYSIS_TEMPLATE",
  analysisTemplateArn: ARN,
  parameters,
});

describe("declaredParameterErrors", () => {
  it("accepts rows that give every required parameter a value", () => {
    expect(declaredParameterErrors(form([{ key: "segment", value: "travel" }]), declared)).toEqual(
      {},
    );
  });

  it("marks a required parameter left empty beside its row, and one left out under the rows", () => {
    expect(
      declaredParameterErrors(form([{ key: "segment", value: " " }]), declared).parameters,
    ).toMatchObject({ 0: { value: { message: expect.stringMatching(/segment is required/) } } });
    expect(
      declaredParameterErrors(form([{ key: "min_value", value: "10" }]), declared).parameters,
    ).toMatchObject({ root: { message: expect.stringMatching(/requires segment/) } });
  });

  it("marks a name the template does not declare", () => {
    expect(
      declaredParameterErrors(
        form([
          { key: "segment", value: "a" },
          { key: "region", value: "north" },
        ]),
        declared,
      ).parameters,
    ).toMatchObject({ 1: { key: { message: expect.stringMatching(/no parameter region/) } } });
  });

  it("checks nothing for another template, another seed source, or an unknown template", () => {
    expect(
      declaredParameterErrors({ ...form([]), analysisTemplateArn: `${ARN}0` }, declared),
    ).toEqual({});
    expect(declaredParameterErrors({ ...form([]), seedSource: "SQL_QUERY" }, declared)).toEqual({});
    expect(declaredParameterErrors(form([]), undefined)).toEqual({});
  });
});

describe("startJobFormResolver", () => {
  const resolve = (values: StartJobFormValues, context: StartJobFormContext) =>
    startJobFormResolver(values, context, { fields: {}, shouldUseNativeValidation: false });
  const valid: StartJobFormValues = {
    ...form([{ key: "segment", value: "travel" }]),
    name: "Spring",
    configuredAudienceModelArn:
      "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/6c5b4a39-2817-4f6e-9d0c-1b2a3f4e5d6c",
    roleArn: "arn:aws:iam::111122223333:role/SeedReader",
    collaborationId: "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d",
  };

  it("applies the template's declared parameters it is given through react-hook-form's context", async () => {
    const none = await resolve(valid, {
      beyond: { inherited: {}, dashboard: [] },
      declared: undefined,
    });
    expect(none.errors).toEqual({});
    const missing = await resolve(
      { ...valid, parameters: [{ key: "min_value", value: "1" }] },
      { beyond: { inherited: {}, dashboard: [] }, declared },
    );
    expect(missing.errors.parameters?.root?.message).toMatch(/requires segment/);
  });

  it("counts the tags the job gets beyond the form's, as the context says", async () => {
    const inherited = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`model-tag-${i}`, "x"]),
    );
    const withTag = { ...valid, tags: [{ key: "team", value: "growth" }] };
    const alone = await resolve(withTag, {
      beyond: { inherited: {}, dashboard: [] },
      declared,
    });
    expect(alone.errors).toEqual({});
    const over = await resolve(withTag, { beyond: { inherited, dashboard: [] }, declared });
    expect(over.errors.tags?.message ?? over.errors.tags?.root?.message).toMatch(
      /at most 50 tags, and this one would have 51 \(1 here and 50 inherited from the model\)/,
    );
  });
});
