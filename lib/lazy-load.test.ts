import { describe, expect, it, vi } from "vitest";

import { lazyLoad } from "./lazy-load";

describe("lazyLoad", () => {
  it("loads once, however many ask", async () => {
    const load = vi.fn(async () => "code");
    const get = lazyLoad(load);
    get.preload();
    expect(await Promise.all([get(), get()])).toEqual(["code", "code"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries again after a failed load, and a preload does not throw", async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValue("code");
    const get = lazyLoad(load);
    get.preload();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(await get()).toBe("code");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
