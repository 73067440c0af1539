// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { seedFolderQuery } from "@/lib/queries/seeds";
import type { SeedFolderPage } from "@/lib/seeds/types";

import { freeSeedName, SeedUpload } from "./seed-upload";

afterEach(cleanup);

// jsdom's Blob has no text(); the browser's reads the file's first bytes with it.
Blob.prototype.text ??= function (this: Blob) {
  return new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(this);
  });
};

const listing = (names: string[]): SeedFolderPage => ({
  bucket: "demo-seeds",
  prefix: "",
  folders: [],
  files: names.map((name) => ({ key: name, name, size: 10, lastModified: undefined })),
});

function renderUpload() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  for (const [stem, names] of [
    ["customers", ["customers.jsonl", "customers-2.jsonl"]],
    ["customers-3", []],
  ] as const) {
    client.setQueryData(seedFolderQuery("demo-seeds", "", stem).queryKey, {
      pages: [listing([...names])],
      pageParams: [""],
    });
  }
  const onUploaded = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <SeedUpload locations={[{ bucket: "demo-seeds", prefix: "" }]} onUploaded={onUploaded} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onUploaded };
}

describe("uploading a seed file", () => {
  it("offers the ID column first and says at the name field that the name is taken, with the two ways on", async () => {
    const { user, onUploaded } = renderUpload();
    const file = new File(["name,spend,customer_id\nAnn,10,c-1\nBo,20,c-2\n"], "customers.csv", {
      type: "text/csv",
    });
    await user.upload(screen.getByLabelText("CSV or JSON lines file"), file);
    expect(await screen.findByLabelText("Column with the user IDs")).toHaveValue("2");

    const name = screen.getByLabelText("Seed file name");
    expect(name).toHaveValue("customers.jsonl");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription(
      "s3://demo-seeds/customers.jsonl exists already: use the existing file, or upload under a new name.",
    );
    expect(screen.getByRole("button", { name: "Upload" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Use the existing file" }));
    expect(onUploaded).toHaveBeenCalledWith("s3://demo-seeds/customers.jsonl");

    await user.click(screen.getByRole("button", { name: "Upload as customers-3.jsonl" }));
    expect(name).toHaveValue("customers-3.jsonl");
    await waitFor(() => expect(name).not.toHaveAttribute("aria-invalid"));
    expect(screen.getByRole("button", { name: "Upload" })).toBeEnabled();
  });

  it("finds a free name by counting up", () => {
    expect(freeSeedName("a.jsonl", new Set(["a.jsonl"]))).toBe("a-2.jsonl");
    expect(freeSeedName("a.jsonl", new Set(["a.jsonl", "a-2.jsonl"]))).toBe("a-3.jsonl");
  });
});
