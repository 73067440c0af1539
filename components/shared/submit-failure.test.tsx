// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { SubmitFailure } from "./submit-failure";

afterEach(cleanup);

const OWN = { ConflictException: "A schedule of that name exists" };

function titleFor(code: string) {
  render(
    <SubmitFailure
      error={{ code, message: "What the service said.", hint: "What to do." }}
      titles={OWN}
      fallbackTitle="The schedule was not saved"
      button="Save schedule"
    />,
  );
  return screen.getByRole("alert");
}

describe("SubmitFailure", () => {
  it("titles a refusal every form meets with the common words", () => {
    expect(titleFor("ThrottlingException")).toHaveTextContent("The service is busy");
  });

  it("titles a refusal only this form meets with the form's own words", () => {
    expect(titleFor("ConflictException")).toHaveTextContent("A schedule of that name exists");
  });

  it("says what did not happen for any other error, with the message, the hint and that the values are kept", () => {
    const alert = titleFor("InternalServerError");
    expect(alert).toHaveTextContent("The schedule was not saved");
    expect(alert).toHaveTextContent("What the service said.");
    expect(alert).toHaveTextContent("What to do.");
    expect(alert).toHaveTextContent(
      "Error type: InternalServerError. Your values are kept: fix what is needed and press Save schedule again.",
    );
  });
});
