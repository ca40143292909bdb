import { describe, expect, it } from "vitest";
import { forEachAtMost } from "../../src/core/at-most.ts";

describe("forEachAtMost", () => {
  it("runs every item once, never more than the limit at a time, a free slot taking the next at once", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 10 }, (_, index) => index);
    await forEachAtMost(items, 3, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((wake) => setTimeout(wake, item === 0 ? 30 : 1));
      seen.push(item);
      running--;
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(items);
    expect(most).toBe(3);
    expect(seen.indexOf(0)).toBeGreaterThan(seen.indexOf(3));
  });

  it("does nothing for no items", async () => {
    await forEachAtMost([], 4, async () => {
      throw new Error("not called");
    });
  });
});
