import { describe, expect, it } from "vitest";

import { NAME_MAX_LENGTH, startAudienceExportJobRequestSchema } from "@/lib/schemas/api";

import {
  exportFormSchema,
  sizeOptionLabel,
  sizeOptions,
  suggestedExportName,
  toExportRequest,
} from "./export-form";

const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-1";

describe("export form", () => {
  it("offers the model's bins, smallest first, typed as the model says", () => {
    const options = sizeOptions(
      { audienceSizeConfig: { audienceSizeType: "PERCENTAGE", audienceSizeBins: [30, 5, 10] } },
      undefined,
    );
    expect(options).toEqual([
      { type: "PERCENTAGE", value: 5 },
      { type: "PERCENTAGE", value: 10 },
      { type: "PERCENTAGE", value: 30 },
    ]);
    expect(sizeOptionLabel(options[0]!)).toBe("5% of users");
    expect(sizeOptionLabel({ type: "ABSOLUTE", value: 25_000 })).toBe("25,000 users");
  });

  it("falls back to the sizes the job was scored at when the model cannot be read", () => {
    const options = sizeOptions(undefined, {
      relevanceMetrics: [
        { audienceSize: { type: "ABSOLUTE", value: 2000 } },
        { audienceSize: { type: "ABSOLUTE", value: 1000 } },
      ],
    });
    expect(options.map((o) => o.value)).toEqual([1000, 2000]);
  });

  it("suggests a name within the name limit", () => {
    const name = suggestedExportName("x".repeat(NAME_MAX_LENGTH), {
      type: "ABSOLUTE",
      value: 50_000,
    });
    expect([...name].length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
    expect(name.endsWith("– 50,000")).toBe(true);
    expect(suggestedExportName("Spring", { type: "PERCENTAGE", value: 10 })).toBe("Spring – 10%");
  });

  it("builds a request the server action accepts", () => {
    const values = exportFormSchema.parse({
      size: "ABSOLUTE:10000",
      name: "Spring – 10,000",
      description: "",
    });
    const request = toExportRequest(values, JOB_ARN);
    expect(request).toEqual({
      name: "Spring – 10,000",
      audienceGenerationJobArn: JOB_ARN,
      audienceSize: { type: "ABSOLUTE", value: 10000 },
    });
    expect(startAudienceExportJobRequestSchema.safeParse(request).success).toBe(true);
  });

  it("asks for a size and a name", () => {
    const result = exportFormSchema.safeParse({ size: "", name: "  ", description: "" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["size", "name"]));
  });
});
