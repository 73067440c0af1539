// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { DeleteJobButton } from "./delete-job-button";

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});
afterEach(cleanup);

const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-1";

describe("delete", () => {
  it("asks for confirmation naming the job, and cancelling deletes nothing", async () => {
    const user = userEvent.setup();
    let deleted = false;
    render(
      <DeleteJobButton
        jobArn={JOB_ARN}
        jobName="Spring sports fans"
        onDeleted={() => (deleted = true)}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete Spring sports fans?" });
    expect(dialog).toHaveTextContent(/cannot be undone/);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(deleted).toBe(false);
  });
});
