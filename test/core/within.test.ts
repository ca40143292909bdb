import { describe, expect, it } from "vitest";
import { valueWithin } from "../../src/core/within.ts";

const settlesAfter = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("valueWithin", () => {
  it("gives the value of a promise that settles in time", async () => {
    expect(await valueWithin(settlesAfter(5, "quick"), 1_000)).toBe("quick");
  });

  it("gives undefined for one that does not", async () => {
    expect(await valueWithin(settlesAfter(1_000, "slow"), 10)).toBeUndefined();
  });

  it("rejects with a rejection that comes in time", async () => {
    await expect(valueWithin(Promise.reject(new Error("refused")), 1_000)).rejects.toThrow("refused");
  });
});
