import { describe, expect, it } from "vitest";

import {
  canDelete,
  canEditTags,
  hasFinishedAudience,
  isBeingCreated,
  isBeingDeleted,
  isCreateFailed,
  isExportFailed,
  isExportInFlight,
  isInFlight,
  isReady,
  JOB_STATUS_ORDER,
  mayHaveExports,
} from "./job-status";

describe("job status rules", () => {
  it("offers delete only when the service allows it", () => {
    expect(canDelete("ACTIVE")).toBe(true);
    expect(canDelete("CREATE_FAILED")).toBe(true);
    expect(canDelete("DELETE_FAILED")).toBe(true);
    expect(canDelete("CREATE_IN_PROGRESS")).toBe(false);
    expect(canDelete("DELETE_PENDING")).toBe(false);
  });

  it("polls while a status will change by itself", () => {
    expect(isInFlight("CREATE_PENDING")).toBe(true);
    expect(isInFlight("DELETE_IN_PROGRESS")).toBe(true);
    expect(isInFlight("ACTIVE")).toBe(false);
    expect(isInFlight("DELETE_FAILED")).toBe(false);
    expect(isExportInFlight("CREATE_IN_PROGRESS")).toBe(true);
    expect(isExportInFlight("ACTIVE")).toBe(false);
  });

  it("follows a requested deletion until the service reports it failed", () => {
    expect(isBeingDeleted("ACTIVE", false)).toBe(false);
    expect(isBeingDeleted("ACTIVE", true)).toBe(true);
    expect(isBeingDeleted("DELETE_PENDING", false)).toBe(true);
    expect(isBeingDeleted("DELETE_FAILED", true)).toBe(false);
    expect(canEditTags("ACTIVE", false)).toBe(true);
    expect(canEditTags("ACTIVE", true)).toBe(false);
    expect(canEditTags("DELETE_FAILED", false)).toBe(false);
  });

  it("lists exports only of jobs that finished", () => {
    expect(mayHaveExports("ACTIVE")).toBe(true);
    expect(mayHaveExports("DELETE_FAILED")).toBe(true);
    expect(mayHaveExports("CREATE_IN_PROGRESS")).toBe(false);
    expect(mayHaveExports("CREATE_FAILED")).toBe(false);
  });

  it("tells a job being created, a failed creation and a ready audience apart", () => {
    expect(JOB_STATUS_ORDER.filter(isBeingCreated)).toEqual([
      "CREATE_PENDING",
      "CREATE_IN_PROGRESS",
    ]);
    expect(JOB_STATUS_ORDER.filter(isCreateFailed)).toEqual(["CREATE_FAILED"]);
    expect(JOB_STATUS_ORDER.filter(isReady)).toEqual(["ACTIVE"]);
    expect(JOB_STATUS_ORDER.filter(hasFinishedAudience)).toEqual(["ACTIVE", "DELETE_FAILED"]);
    expect(isExportFailed("CREATE_FAILED")).toBe(true);
    expect(isExportFailed("ACTIVE")).toBe(false);
    expect(isExportFailed("CREATE_IN_PROGRESS")).toBe(false);
  });

  it("orders statuses along the lifecycle", () => {
    expect(JOB_STATUS_ORDER).toEqual([
      "CREATE_PENDING",
      "CREATE_IN_PROGRESS",
      "ACTIVE",
      "CREATE_FAILED",
      "DELETE_PENDING",
      "DELETE_IN_PROGRESS",
      "DELETE_FAILED",
    ]);
  });
});
