// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { fail, ok } from "@/lib/action-result";
import type { StartJobResult } from "@/lib/actions/start-audience-generation-job";
import { analysisTemplateQuery } from "@/lib/queries/collaborations";
import { configuredModelQuery, configuredModelsQuery } from "@/lib/queries/models";
import { seedPreflightQuery } from "@/lib/queries/seeds";
import type { AnalysisTemplateData } from "@/lib/reads/collaborations";
import type {
  ConfiguredModelData,
  ConfiguredModelSummaryData,
  ReadableModelData,
} from "@/lib/reads/models";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";
import type { SeedReport } from "@/lib/seeds/types";

import { StartJobForm } from "./start-job-form";

const MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/retail-lookalikes";
const OTHER_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/travel";
const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-1";
const ROLE_ARN = "arn:aws:iam::123456789012:role/SeedReader";

const summary = (arn: string, name: string): ConfiguredModelSummaryData => ({
  createTime: "2024-01-01T00:00:00.000Z",
  updateTime: "2024-01-01T00:00:00.000Z",
  name,
  audienceModelArn: "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/m",
  outputConfig: { destination: { s3Destination: { s3Uri: "s3://out/" } }, roleArn: ROLE_ARN },
  configuredAudienceModelArn: arn,
  status: "ACTIVE",
});
const MODELS = [summary(MODEL_ARN, "Retail lookalikes"), summary(OTHER_MODEL_ARN, "Travel")];
const MODEL_DETAILS: ReadableModelData = {
  ...summary(MODEL_ARN, "Retail lookalikes"),
  sharedAudienceMetrics: ["ALL"],
  minMatchingSeedSize: 500,
  audienceSizeConfig: { audienceSizeType: "ABSOLUTE", audienceSizeBins: [10_000, 50_000] },
};

function renderForm({
  submit = vi.fn(async (): Promise<StartJobResult> => ok({ audienceGenerationJobArn: JOB_ARN })),
  onStarted = vi.fn(),
  defaultValues,
  copiedDescription,
  signedIn,
  modelDetails = MODEL_DETAILS,
  seedProblems,
  template,
}: {
  submit?: (values: StartJobFormValues) => Promise<StartJobResult>;
  onStarted?: (arn: string) => void;
  defaultValues?: StartJobFormValues;
  copiedDescription?: string;
  signedIn?: boolean;
  /** What GetConfiguredAudienceModel says of MODEL_ARN. */
  modelDetails?: ConfiguredModelData;
  /** A seed check already made of the default S3 URI, with these findings. */
  seedProblems?: string[];
  /** What GetCollaborationAnalysisTemplate says of the default template. */
  template?: AnalysisTemplateData;
} = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  for (const model of [
    modelDetails,
    {
      ...MODEL_DETAILS,
      ...summary(OTHER_MODEL_ARN, "Travel"),
      sharedAudienceMetrics: ["NONE" as const],
    },
  ]) {
    client.setQueryData(configuredModelQuery(model.configuredAudienceModelArn).queryKey, model);
  }
  if (seedProblems && defaultValues?.s3Uri) {
    const report: SeedReport = {
      uri: defaultValues.s3Uri,
      folder: false,
      objects: 1,
      totalBytes: 10,
      bytesRead: 10,
      stoppedAtByteLimit: false,
      byteLimit: 1000,
      problems: seedProblems,
      durationMs: 1,
      lines: 10,
      uniqueIds: 8,
      uniqueOverMax: false,
      duplicates: 0,
      blankLines: 0,
      malformedLines: 2,
      malformed: [],
    };
    client.setQueryData(seedPreflightQuery(defaultValues.s3Uri).queryKey, report);
  }
  if (template) {
    client.setQueryData(
      analysisTemplateQuery(template.collaborationId, template.arn).queryKey,
      template,
    );
  }
  // What the page prefetched on the server.
  client.setQueryData(configuredModelsQuery().queryKey, MODELS);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const user = userEvent.setup();
  const view = render(
    <StartJobForm
      submit={submit}
      onStarted={onStarted}
      defaultValues={defaultValues}
      copiedDescription={copiedDescription}
      signedIn={signedIn}
    />,
    { wrapper },
  );
  return { user, submit, onStarted, view };
}

const validS3: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "Spring sale",
  configuredAudienceModelArn: MODEL_ARN,
  s3Uri: "s3://demo-seeds/spring.jsonl",
  roleArn: ROLE_ARN,
};

/** The text of the element that `aria-describedby` of `control` points at. */
function description(control: HTMLElement): string {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

beforeEach(() => {
  vi.spyOn(window, "confirm").mockReturnValue(true);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("StartJobForm: fields", () => {
  it("labels every required control and lists the models by name", () => {
    renderForm();
    expect(screen.getByLabelText("Job name")).toBeInTheDocument();
    const select = screen.getByLabelText("Configured audience model");
    expect(within(select).getByRole("option", { name: "Retail lookalikes" })).toBeInTheDocument();
    expect(within(select).getByRole("option", { name: "Travel" })).toBeInTheDocument();
    const sources = screen.getByRole("group", { name: "Seed audience source" });
    for (const name of ["S3 file", "SQL query", "Analysis template"]) {
      expect(within(sources).getByRole("radio", { name })).toBeInTheDocument();
    }
    expect(screen.getByLabelText("S3 URI")).toBeInTheDocument();
    expect(screen.getByLabelText("IAM role ARN")).toBeInTheDocument();
    expect(
      screen.getByRole("checkbox", { name: "Include seed users in the output" }),
    ).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Start job" })).toBeEnabled();
  });

  it("shows the chosen model's seed minimum, sizes and metrics sharing", async () => {
    const { user } = renderForm();
    await user.selectOptions(
      screen.getByLabelText("Configured audience model"),
      "Retail lookalikes",
    );
    const facts = screen.getByRole("region", { name: "About this model" });
    expect(facts).toHaveTextContent("500 users");
    expect(facts).toHaveTextContent("10,000 users, 50,000 users");
    expect(facts).toHaveTextContent("Shared");
    // The seed-in-output explanation names the model's own number.
    expect(
      description(screen.getByRole("checkbox", { name: "Include seed users in the output" })),
    ).toContain("first 500 users");
    await user.selectOptions(screen.getByLabelText("Configured audience model"), "Travel");
    expect(screen.getByRole("region", { name: "About this model" })).toHaveTextContent(
      "Not shared",
    );
  });

  it("shows the compute fields only for a query seed, with each worker type explained by its size", async () => {
    const { user } = renderForm();
    expect(screen.queryByRole("group", { name: "Worker type" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "SQL query" }));
    expect(screen.queryByLabelText("S3 URI")).not.toBeInTheDocument();
    expect(screen.getByLabelText("SQL query text")).toHaveClass("font-mono");
    const types = screen.getByRole("group", { name: "Worker type" });
    expect(description(within(types).getByRole("radio", { name: /CR\.4X/ }))).toMatch(
      /Four times the compute and memory of CR\.1X/,
    );
    expect(description(within(types).getByRole("radio", { name: /CR\.8X/ }))).toMatch(
      /Eight times/,
    );
    expect(screen.getByLabelText(/Number of workers/)).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Analysis template" }));
    expect(screen.getByLabelText("Analysis template ARN")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Worker type" })).toBeInTheDocument();
  });

  it("keeps what was typed for one seed source when another is chosen and back", async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText("S3 URI"), "s3://bucket/key");
    await user.click(screen.getByRole("radio", { name: "SQL query" }));
    await user.type(screen.getByLabelText("SQL query text"), "SELECT 1");
    await user.click(screen.getByRole("radio", { name: "S3 file" }));
    expect(screen.getByLabelText("S3 URI")).toHaveValue("s3://bucket/key");
    await user.click(screen.getByRole("radio", { name: "SQL query" }));
    expect(screen.getByLabelText("SQL query text")).toHaveValue("SELECT 1");
  });
});

describe("StartJobForm: inline errors", () => {
  it("marks an empty required field only once Start job is pressed, tied to it for screen readers, and clears it while typing", async () => {
    const { user } = renderForm();
    const name = screen.getByLabelText("Job name");
    expect(name).not.toHaveAttribute("aria-invalid");
    // Tabbing through an empty required field marks nothing: the form has not been sent.
    await user.click(name);
    await user.tab();
    await user.tab();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(name).not.toHaveAttribute("aria-invalid");
    expect(document.querySelectorAll("[aria-invalid=true]")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(description(name)).toContain("Name is required");
    await user.type(name, "Spring");
    await waitFor(() => expect(name).not.toHaveAttribute("aria-invalid"));
    expect(description(name)).not.toContain("Name is required");
  });

  it("checks patterns as the service does", async () => {
    const { user } = renderForm();
    const s3 = screen.getByLabelText("S3 URI");
    await user.type(s3, "https://bucket/key");
    await user.tab();
    await waitFor(() => expect(description(s3)).toContain("S3 URI must start with s3://"));
    const role = screen.getByLabelText("IAM role ARN");
    await user.type(role, "arn:aws:iam::123:role/x");
    await user.tab();
    await waitFor(() => expect(description(role)).toContain("IAM role ARN must look like"));
    const collaboration = screen.getByLabelText(/Collaboration ID/);
    await user.type(collaboration, "0F6B1C2E-1A2B-4C3D-8E9F-001122334455");
    await user.tab();
    await waitFor(() => expect(description(collaboration)).toContain("lowercase UUID"));
  });

  it("moves focus to the first invalid field on submit and sends nothing", async () => {
    const { user, submit } = renderForm();
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(screen.getByLabelText("Job name")).toHaveFocus());
    expect(screen.getByLabelText("S3 URI")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Configured audience model")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(submit).not.toHaveBeenCalled();
  });

  it("focuses by page order: the model picker when only it and later fields are wrong", async () => {
    const { user, submit } = renderForm();
    await user.type(screen.getByLabelText("Job name"), "Spring");
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(screen.getByLabelText("Configured audience model")).toHaveFocus());
    expect(submit).not.toHaveBeenCalled();
  });

  it("says the SQL-query limit of 400 workers beside the field", async () => {
    const { user } = renderForm({
      defaultValues: { ...validS3, seedSource: "SQL_QUERY", queryString: "SELECT user_id FROM t" },
    });
    const workers = screen.getByLabelText(/Number of workers/);
    // One statement of the limit: the hint and every message say the same range.
    expect(description(workers)).toContain("from 2 to 400");
    for (const count of ["1", "401", "1024", "1025"]) {
      await user.clear(workers);
      await user.type(workers, count);
      await user.tab();
      await waitFor(() =>
        expect(description(workers)).toContain("Number of workers must be from 2 to 400"),
      );
    }
    await user.clear(workers);
    await user.type(workers, "400");
    await waitFor(() => expect(workers).not.toHaveAttribute("aria-invalid"));
  });

  it("opens the advanced section and focuses a wrong Spark property on submit", async () => {
    const { user, submit } = renderForm({
      defaultValues: {
        ...validS3,
        seedSource: "SQL_QUERY",
        queryString: "SELECT 1",
        sparkProperties: [{ key: "", value: "x" }],
      },
    });
    const toggle = screen.getByRole("button", { name: /Advanced: Spark properties/ });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(screen.getByLabelText("Spark property 1 Name")).toHaveFocus());
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(submit).not.toHaveBeenCalled();
  });
});

describe("StartJobForm: key and value rows", () => {
  it("adds, checks and removes tags", async () => {
    const { user } = renderForm();
    expect(screen.getByText("0 of 50 tags")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add tag" }));
    const key1 = screen.getByLabelText("Tag 1 Key");
    expect(key1).toHaveFocus();
    await user.type(key1, "AWS:team");
    await user.tab();
    await waitFor(() => expect(description(key1)).toContain("reserved for AWS"));

    await user.click(screen.getByRole("button", { name: "Add tag" }));
    await user.clear(key1);
    await user.type(key1, "team");
    await user.type(screen.getByLabelText("Tag 2 Key"), "team");
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() =>
      expect(description(screen.getByLabelText("Tag 2 Key"))).toContain("unique"),
    );
    expect(screen.getByText("2 of 50 tags")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove tag 2" }));
    expect(screen.queryByLabelText("Tag 2 Key")).not.toBeInTheDocument();
    expect(screen.getByText("1 of 50 tags")).toBeInTheDocument();
  });

  it("ignores a tag row added and left empty: not in the preview, and Start job goes ahead", async () => {
    const { user, submit } = renderForm({ defaultValues: validS3 });
    await user.click(screen.getByRole("button", { name: "Add tag" }));
    await user.tab();
    await user.tab();
    const json = screen.getByRole("region", { name: "Request JSON" }).textContent ?? "";
    expect(JSON.parse(json)).not.toHaveProperty("tags");
    expect(json).not.toContain('""');
    // The counter follows the same rule.
    expect(screen.getByText("0 of 50 tags")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(screen.getByLabelText("Tag 1 Key")).not.toHaveAttribute("aria-invalid");
  });

  it("shows the tags the job inherits from its model and counts them, with the dashboard's, toward 50", async () => {
    const inheriting: ConfiguredModelData = {
      ...MODEL_DETAILS,
      childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
      tags: { project: "spring-campaign" },
    };
    const tags = Array.from({ length: 48 }, (_, i) => ({ key: `k${i}`, value: "" }));
    const { user, submit } = renderForm({
      defaultValues: { ...validS3, tags },
      modelDetails: inheriting,
      signedIn: true,
    });
    const fromModel = screen.getByRole("list", { name: "Tags from the model" });
    expect(fromModel).toHaveTextContent("project = spring-campaign");
    expect(screen.getByText(/record who started the job/)).toHaveTextContent(
      "dashboard:started-by",
    );
    expect(
      screen.getByText("50 of 50 tags, including the 2 above: the most allowed"),
    ).toBeVisible();
    expect(screen.getByRole("button", { name: "Add tag" })).toBeDisabled();

    // Submitted as it is, the job fits: 48 here, 1 from the model, 1 recording who started it.
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  });

  it("on submit, focuses the tag list with its message in words at its top when there are too many", async () => {
    const inheriting: ConfiguredModelData = {
      ...MODEL_DETAILS,
      childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
      tags: { project: "spring-campaign" },
    };
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: "" }));
    const { user, submit } = renderForm({
      defaultValues: { ...validS3, tags },
      modelDetails: inheriting,
    });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    const list = screen.getByRole("group", { name: /^Tags/ });
    await waitFor(() => expect(list).toHaveFocus());
    expect(submit).not.toHaveBeenCalled();
    const message =
      "A job can have at most 50 tags, and this one would have 51 (50 here and 1 inherited from the model): remove 1 tag";
    expect(description(list)).toContain(message);
    expect(description(list)).not.toMatch(/tags:/);
    // The message sits at the top of the list, before its rows, where focus landed.
    const shown = within(list).getByText(message);
    expect(
      shown.compareDocumentPosition(screen.getByLabelText("Tag 1 Key")) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it("stops adding tags at 50", async () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: "" }));
    renderForm({ defaultValues: { ...validS3, tags } });
    expect(screen.getByRole("button", { name: "Add tag" })).toBeDisabled();
    expect(screen.getByText(/50 of 50 tags: the most allowed/)).toBeInTheDocument();
  });

  it("names SQL parameters by their row", async () => {
    const { user } = renderForm({
      defaultValues: { ...validS3, seedSource: "SQL_QUERY", queryString: "SELECT 1" },
    });
    await user.click(screen.getByRole("button", { name: "Add parameter" }));
    const name = screen.getByLabelText("Parameter 1 Name");
    await user.type(name, "min-spend");
    await user.tab();
    await waitFor(() => expect(description(name)).toContain("letters, digits and underscores"));
  });
});

describe("StartJobForm: preview", () => {
  it("shows the exact request JSON and the CLI command live, and copies them", async () => {
    const { user } = renderForm({ defaultValues: validS3 });
    await user.type(screen.getByLabelText(/Description/), "It's for spring");
    const json = screen.getByRole("region", { name: "Request JSON" }).textContent ?? "";
    expect(JSON.parse(json)).toEqual({
      name: "Spring sale",
      configuredAudienceModelArn: MODEL_ARN,
      seedAudience: { roleArn: ROLE_ARN, dataSource: { s3Uri: "s3://demo-seeds/spring.jsonl" } },
      description: "It's for spring",
    });
    const cli = screen.getByRole("region", { name: "AWS CLI command" }).textContent ?? "";
    expect(cli).toContain("aws cleanroomsml start-audience-generation-job");
    expect(cli).toContain(`--description 'It'\\''s for spring'`);

    await user.click(screen.getByRole("button", { name: "Copy AWS CLI command" }));
    // user-event stands in for the system clipboard.
    expect(await navigator.clipboard.readText()).toBe(cli);
    expect(screen.getByRole("button", { name: "Copied AWS CLI command" })).toBeInTheDocument();
  });
});

describe("StartJobForm: a copied job's description", () => {
  it("starts empty, shows the old description as a hint, and takes it only on request", async () => {
    const { user } = renderForm({
      defaultValues: { ...validS3, name: "Tiny seed (copy)" },
      copiedDescription: "Ten users: fewer than a seed needs",
    });
    const field = screen.getByLabelText(/Description/);
    expect(field).toHaveValue("");
    expect(screen.getByText("Ten users: fewer than a seed needs")).toBeInTheDocument();
    const json = () => screen.getByRole("region", { name: "Request JSON" }).textContent ?? "";
    expect(JSON.parse(json())).not.toHaveProperty("description");

    await user.click(screen.getByRole("button", { name: "Use it as this job's description" }));
    expect(field).toHaveValue("Ten users: fewer than a seed needs");
    expect(JSON.parse(json())).toHaveProperty("description", "Ten users: fewer than a seed needs");
    expect(screen.queryByRole("button", { name: /Use it/ })).not.toBeInTheDocument();
  });
});

describe("StartJobForm: submitting", () => {
  it("sends the values once however often it is submitted, then reports the new job", async () => {
    let finish!: (result: StartJobResult) => void;
    const submit = vi.fn<(values: StartJobFormValues) => Promise<StartJobResult>>(
      () => new Promise((resolve) => (finish = resolve)),
    );
    const { user, onStarted } = renderForm({ submit, defaultValues: validS3 });
    const button = screen.getByRole("button", { name: "Start job" });
    const form = button.closest("form")!;
    // Two submits before React re-renders (a double click, Enter twice).
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(button).toBeDisabled());
    await user.click(button);
    fireEvent.submit(form);
    await act(async () => finish(ok({ audienceGenerationJobArn: JOB_ARN })));
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]![0]).toEqual(validS3);
    expect(onStarted).toHaveBeenCalledWith(JOB_ARN, "Spring sale");
    fireEvent.submit(form);
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it("puts a service validation error beside its field, focuses it and keeps every value", async () => {
    const submit = vi.fn(async (): Promise<StartJobResult> =>
      fail({
        code: "ValidationException",
        message: "seedAudience.dataSource.s3Uri: no such object",
        fieldErrors: { s3Uri: "seedAudience.dataSource.s3Uri: no such object" },
      }),
    );
    const { user, onStarted } = renderForm({ submit, defaultValues: validS3 });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    const s3 = screen.getByLabelText("S3 URI");
    await waitFor(() => expect(s3).toHaveFocus());
    expect(s3).toHaveAttribute("aria-invalid", "true");
    expect(description(s3)).toContain("no such object");
    expect(s3).toHaveValue("s3://demo-seeds/spring.jsonl");
    expect(screen.getByLabelText("Job name")).toHaveValue("Spring sale");
    expect(screen.getByRole("button", { name: "Start job" })).toBeEnabled();
    expect(onStarted).not.toHaveBeenCalled();
    // The field can be corrected and the job sent again.
    submit.mockResolvedValueOnce(ok({ audienceGenerationJobArn: JOB_ARN }));
    await user.clear(s3);
    await user.type(s3, "s3://demo-seeds/other.jsonl");
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(JOB_ARN, "Spring sale"));
    expect(submit).toHaveBeenCalledTimes(2);
  });

  it("shows other service errors as a banner with the message and what to do", async () => {
    const submit = vi.fn(async (): Promise<StartJobResult> =>
      fail({
        code: "AccessDeniedException",
        message: "User is not authorized",
        hint: "Ask your AWS administrator.",
      }),
    );
    const { user } = renderForm({ submit, defaultValues: validS3 });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    const banner = await screen.findByRole("alert");
    expect(banner).toHaveTextContent("Access denied");
    expect(banner).toHaveTextContent("User is not authorized");
    expect(banner).toHaveTextContent("Ask your AWS administrator.");
    expect(screen.getByLabelText("Job name")).toHaveValue("Spring sale");
  });

  it("says so when the dashboard's server cannot be reached", async () => {
    const submit = vi.fn(async (): Promise<StartJobResult> => {
      throw new TypeError("Failed to fetch");
    });
    const { user } = renderForm({ submit, defaultValues: validS3 });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("could not be reached");
    expect(screen.getByRole("button", { name: "Start job" })).toBeEnabled();
  });
});

describe("StartJobForm: leaving", () => {
  it("asks before the page is left with unsent changes, and not after the job started", async () => {
    const { user } = renderForm();
    const clean = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    await user.type(screen.getByLabelText("Job name"), "x");
    const dirty = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});

describe("StartJobForm: a seed the form knows will fail, or doubts", () => {
  const sqlSeed: StartJobFormValues = {
    ...validS3,
    s3Uri: "",
    seedSource: "SQL_QUERY",
    queryString: "SELECT user_id FROM customers WHERE spend > :min_spend",
  };

  it("blocks Start job on a query parameter with no value, saying why beside the list and beside the button", async () => {
    const { user, submit } = renderForm({ defaultValues: sqlSeed });
    const reason = /The query uses :min_spend but no row gives it a value, so the job would fail/;
    // Said before pressing anything, in the review beside the button.
    expect(screen.getByText("Start job is blocked until the seed is fixed:")).toBeInTheDocument();
    expect(screen.getAllByText(reason)).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() =>
      expect(screen.getByRole("group", { name: /Query parameters/ })).toHaveFocus(),
    );
    expect(submit).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Add parameter" }));
    const rows = screen.getByRole("group", { name: /Query parameters/ });
    await user.type(within(rows).getAllByRole("textbox")[0]!, "min_spend");
    await user.type(within(rows).getAllByRole("textbox")[1]!, "100");
    expect(
      screen.queryByText("Start job is blocked until the seed is fixed:"),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Start job" }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  });

  it("asks before starting a seed the seed check doubts, and starts only when told to", async () => {
    const { user, submit } = renderForm({
      defaultValues: validS3,
      seedProblems: ["2 of 10 lines have no user_id"],
    });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    const ask = await screen.findByRole("alert");
    expect(ask).toHaveTextContent("Start this job although the seed looks wrong?");
    expect(ask).toHaveTextContent("2 of 10 lines have no user_id");
    expect(ask.parentElement).toHaveFocus();
    expect(submit).not.toHaveBeenCalled();

    await user.click(within(ask).getByRole("button", { name: "Go back to the seed" }));
    expect(screen.getByLabelText("S3 URI")).toHaveFocus();
    expect(submit).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Start job" }));
    await user.click(await screen.findByRole("button", { name: "Start anyway" }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  });

  it("asks about parameter rows the query never uses", async () => {
    const { user, submit } = renderForm({
      defaultValues: {
        ...sqlSeed,
        queryString: "SELECT user_id FROM customers",
        parameters: [{ key: "region", value: "EU" }],
      },
    });
    await user.click(screen.getByRole("button", { name: "Start job" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The query does not use region");
    expect(submit).not.toHaveBeenCalled();
  });
});

describe("StartJobForm: template parameters, required as the template declares", () => {
  const COLLABORATION = "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";
  const TEMPLATE_ARN = `arn:aws:cleanrooms:us-east-1:123456789012:membership/${COLLABORATION}/analysistemplate/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d`;
  const template = (parameters: AnalysisTemplateData["parameters"]): AnalysisTemplateData => ({
    arn: TEMPLATE_ARN,
    name: "Loyal buyers",
    collaborationId: COLLABORATION,
    format: "SQL",
    parameters,
  });
  const templateSeed: StartJobFormValues = {
    ...validS3,
    s3Uri: "",
    seedSource: "ANALYSIS_TEMPLATE",
    collaborationId: COLLABORATION,
    analysisTemplateArn: TEMPLATE_ARN,
  };

  it("does not call the rows optional when the template requires one, and says which, as the check does", async () => {
    const { user, submit } = renderForm({
      defaultValues: templateSeed,
      template: template([
        { name: "segment", type: "VARCHAR" },
        { name: "min_value", type: "REAL", defaultValue: "500" },
      ]),
    });
    const rows = await screen.findByRole("group", { name: "Template parameters" });
    expect(rows).not.toHaveTextContent("(optional)");
    expect(description(rows)).toMatch(
      /The template requires segment \(no default\)\. The others take the template's default/,
    );
    await user.click(screen.getByRole("button", { name: "Start job" }));
    expect(
      await within(rows).findByText("The template requires segment: add a row for it"),
    ).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });

  it("calls the rows optional when every parameter has a default", async () => {
    renderForm({
      defaultValues: templateSeed,
      template: template([{ name: "min_value", type: "REAL", defaultValue: "500" }]),
    });
    const rows = await screen.findByRole("group", { name: /Template parameters/ });
    expect(rows).toHaveTextContent("Template parameters(optional)");
    expect(description(rows)).toMatch(/Every one has a default/);
  });
});

describe("StartJobForm: placeholders", () => {
  it("never look like a real account, ARN or ID, whatever the seed source", async () => {
    const { user } = renderForm();
    const placeholders = () =>
      Array.from(document.querySelectorAll("[placeholder]")).map(
        (el) => el.getAttribute("placeholder") ?? "",
      );
    const seen = placeholders();
    for (const name of ["SQL query", "Analysis template"]) {
      await user.click(screen.getByRole("radio", { name }));
      seen.push(...placeholders());
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "arn:aws:iam::<account>:role/<role-name>",
        "<collaboration-id>",
        "s3://<bucket>/<folder>/<file>.jsonl",
      ]),
    );
    for (const text of seen) {
      expect(text).not.toMatch(/\d{12}/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
  });
});
