import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../../src/core/search/search-index.ts";
import { VectorIndex } from "../../../src/core/search/vector-index.ts";

const only = (...groups: number[]): Uint8Array => {
  const allowed = new Uint8Array(Math.max(...groups) + 1);
  for (const group of groups) allowed[group] = 1;
  return allowed;
};

describe("SearchIndex groups", () => {
  it("scores only documents of the allowed groups, and fills the top list from them", () => {
    const index = new SearchIndex({ fields: { text: {} } });
    for (let n = 0; n < 50; n++)
      index.add({ id: `hidden-${n}`, language: "en", fields: { text: "harbour strike harbour" }, group: 1 });
    index.add({ id: "seen", language: "en", fields: { text: "a harbour story" }, group: 0 });
    expect(index.search("harbour", { limit: 3, groups: only(0) }).map((hit) => hit.id)).toEqual(["seen"]);
    expect(index.search("harbour", { limit: 3, groups: only(2) })).toEqual([]);
    expect(index.search("harbour", { limit: 3 })).toHaveLength(3);
  });

  it("moves a document to another group, and keeps groups through compaction", () => {
    const index = new SearchIndex({ fields: { text: {} } });
    index.add({ id: "kept", language: "en", fields: { text: "rare lighthouse" }, group: 3 });
    for (let n = 0; n < 1200; n++) index.add({ id: `gone-${n}`, language: "en", fields: { text: "filler" } });
    for (let n = 0; n < 1200; n++) index.remove(`gone-${n}`);
    expect(index.search("lighthouse", { groups: only(3) }).map((hit) => hit.id)).toEqual(["kept"]);
    expect(index.setGroup("kept", 4)).toBe(true);
    expect(index.search("lighthouse", { groups: only(3) })).toEqual([]);
    expect(index.search("lighthouse", { groups: only(4) }).map((hit) => hit.id)).toEqual(["kept"]);
    expect(index.setGroup("missing", 1)).toBe(false);
  });
});

describe("VectorIndex groups", () => {
  it("compares only rows of the allowed groups, also after a swap-remove moved a row", () => {
    const index = new VectorIndex();
    index.add("a", [1, 0], 1);
    index.add("b", [0.9, 0.1], 0);
    index.add("c", [0.8, 0.2], 2);
    expect(index.search([1, 0], 5, undefined, only(0)).map((hit) => hit.id)).toEqual(["b"]);
    index.remove("a");
    expect(index.search([1, 0], 5, undefined, only(2)).map((hit) => hit.id)).toEqual(["c"]);
    index.setGroup("c", 0);
    expect(index.search([1, 0], 5, undefined, only(0)).map((hit) => hit.id)).toEqual(["b", "c"]);
  });
});
