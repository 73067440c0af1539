// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import type { RoleData } from "@/lib/reads/roles";
import type { ScheduleFormValues } from "@/lib/schemas/schedule";
import { emptyStartJobForm } from "@/lib/schemas/start-job-form-values";

import { schedulerRolesQuery } from "./queries";
import { ScheduleForm } from "./schedule-form";

const SCHEDULER_ROLE = "arn:aws:iam::123456789012:role/AudienceScheduler";
const ROLES: RoleData[] = [{ arn: SCHEDULER_ROLE, name: "AudienceScheduler", path: "/" }];
const NOW = new Date("2026-12-06T12:00:00Z");

const valid: ScheduleFormValues = {
  cadence: "WEEKLY",
  time: "09:00",
  weekdays: ["MON"],
  monthDay: "1",
  expression: "",
  name: "fans-weekly",
  description: "",
  baseName: "fans",
  timezone: "Europe/Paris",
  startDate: "",
  endDate: "",
  enabled: true,
  flexibleWindow: "",
  roleArn: SCHEDULER_ROLE,
  job: {
    ...emptyStartJobForm,
    name: "fans",
    configuredAudienceModelArn:
      "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/retail",
    s3Uri: "s3://seeds/fans.csv",
    roleArn: "arn:aws:iam::123456789012:role/SeedReader",
  },
};

type Submit = (values: ScheduleFormValues) => Promise<ActionResult<{ name: string }>>;

function renderForm(values: Partial<ScheduleFormValues>, submit?: Submit) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  client.setQueryData(schedulerRolesQuery().queryKey, ROLES);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const send = vi.fn(submit ?? (async () => ok({ name: "fans-weekly" })));
  const onSaved = vi.fn();
  render(
    <ScheduleForm
      mode="create"
      defaultValues={{ ...valid, ...values }}
      submit={send}
      onSaved={onSaved}
      now={() => NOW}
    />,
    { wrapper },
  );
  return { user: userEvent.setup(), send, onSaved };
}

/** The text of what `aria-describedby` of the control points at (its error first). */
function described(control: HTMLElement): string {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

afterEach(cleanup);

describe("ScheduleForm: refused before anything is sent, beside the field", () => {
  it("sends valid values once and reports the name", async () => {
    const { user, send, onSaved } = renderForm({});
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("fans-weekly"));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("an expression that never fires", async () => {
    const { user, send } = renderForm({ cadence: "EXPRESSION", expression: "cron(0 9 30 2 ? *)" });
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const field = await screen.findByLabelText("Expression");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(described(field)).toMatch(/matches no date/);
    expect(field).toHaveFocus();
    expect(send).not.toHaveBeenCalled();
  });

  it("an end before the start", async () => {
    const { user, send } = renderForm({
      startDate: "2027-03-02T00:00",
      endDate: "2027-03-01T00:00",
    });
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const end = screen.getByLabelText(/^End/);
    await waitFor(() => expect(end).toHaveAttribute("aria-invalid", "true"));
    expect(described(end)).toMatch(/end must come after the start/);
    expect(send).not.toHaveBeenCalled();
  });

  it("a base name too long for the run's due time", async () => {
    const { user, send } = renderForm({ baseName: "b".repeat(43) });
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const base = screen.getByLabelText("Job name of each run");
    await waitFor(() => expect(base).toHaveAttribute("aria-invalid", "true"));
    expect(described(base)).toMatch(/at most 42 characters/);
    expect(base).toHaveFocus();
    expect(send).not.toHaveBeenCalled();
  });

  it("a role that does not trust EventBridge Scheduler", async () => {
    const { user, send } = renderForm({ roleArn: "arn:aws:iam::123456789012:role/SeedReader" });
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const role = screen.getByLabelText("Role EventBridge Scheduler assumes");
    await waitFor(() => expect(role).toHaveAttribute("aria-invalid", "true"));
    expect(described(role)).toMatch(/does not trust scheduler\.amazonaws\.com/);
    expect(send).not.toHaveBeenCalled();
  });

  it("a week with no day", async () => {
    const { user, send } = renderForm({ weekdays: [] });
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    expect(await screen.findByText("Choose at least one day of the week")).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("ScheduleForm: the service's refusals beside the field they name", () => {
  it("an expression refused for a cadence in words sits beside the time", async () => {
    const { user } = renderForm({}, async () =>
      fail({
        code: "ValidationException",
        message: "Invalid Schedule Expression cron(0 9 ? * MON *).",
        fieldErrors: { expression: "Invalid Schedule Expression cron(0 9 ? * MON *)." },
      }),
    );
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const time = screen.getByLabelText("At");
    await waitFor(() => expect(time).toHaveAttribute("aria-invalid", "true"));
    expect(described(time)).toMatch(/Invalid Schedule Expression/);
    // What was typed is kept.
    expect(screen.getByLabelText("Schedule name")).toHaveValue("fans-weekly");
  });

  it("a name taken sits beside the name; an error with no field in a banner", async () => {
    const { user } = renderForm({}, async () =>
      fail({
        code: "ConflictException",
        message: "Schedule fans-weekly already exists",
        fieldErrors: { name: "Schedule fans-weekly already exists: choose another schedule name" },
      }),
    );
    await user.click(screen.getByRole("button", { name: "Create schedule" }));
    const name = screen.getByLabelText("Schedule name");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(described(name)).toMatch(/choose another schedule name/);

    cleanup();
    const second = renderForm({}, async () =>
      fail({ code: "AccessDeniedException", message: "not allowed: scheduler:CreateSchedule" }),
    );
    await second.user.click(screen.getByRole("button", { name: "Create schedule" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Access denied/);
  });
});
