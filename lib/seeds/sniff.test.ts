import { describe, expect, it } from "vitest";

import { sniffFile } from "./sniff";

const column = (text: string) => sniffFile(text, true).column;

describe("the ID column offered first", () => {
  it("is the column whose header looks like an ID, not the first", () => {
    expect(column("name,customer_id,spend\nAnn,c-1,10\nBo,c-2,20\n")).toBe(1);
    expect(column("email,user_id\na@x.com,u1\nb@x.com,u2\n")).toBe(1);
    expect(column("segment,spend,member_id\nvip,10,m1\nvip,20,m2\n")).toBe(2);
    expect(column("Name,CustomerId\nAnn,1001\nBo,1002\n")).toBe(1);
    expect(column("name,country,id\nAnn,FR,1\nBo,DE,2\n")).toBe(2);
    // A name ending in "id" is not an ID column.
    expect(column("paid,account_id\nyes,a1\nno,a2\n")).toBe(1);
  });

  it("without a header, is the first column of distinct single-token values", () => {
    expect(column("Ann Smith,10,u-1001\nBo Li,20,u-1002\n")).toBe(2);
    expect(column("u-1,Ann\nu-2,Bo\n")).toBe(0);
  });
});
