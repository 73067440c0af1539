import { describe, expect, it } from "vitest";

import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";

import { declaredParameterErrors, type DeclaredParameters } from "./declared-parameters";

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
