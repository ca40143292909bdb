import { describe, expect, it } from "vitest";
import { tellFirstWay, unansweredPlaceholder } from "../../../src/flows/deliver/failure-notice.ts";

function ways(outcomes: Array<{ via?: string; fails: boolean } | undefined>) {
  const tried: string[] = [];
  const list = outcomes.map((outcome, index) =>
    outcome
      ? {
          ...(outcome.via ? { via: outcome.via } : {}),
          tell: async () => {
            tried.push(outcome.via ?? `way ${index}`);
            if (outcome.fails) throw new Error(`way ${index} failed`);
          },
        }
      : undefined,
  );
  return { list, tried };
}

describe("tellFirstWay", () => {
  it("stops at the first way that works, skipping the ones not available", async () => {
    const { list, tried } = ways([undefined, { via: "placeholder", fails: false }, { fails: false }]);
    const failures: unknown[] = [];
    await tellFirstWay(
      () => list,
      (error) => failures.push(error),
    );
    expect(tried).toEqual(["placeholder"]);
    expect(failures).toEqual([]);
  });

  it("reports each failed way with its name and tries the next", async () => {
    const { list, tried } = ways([{ via: "placeholder", fails: true }, { fails: true }, { fails: false }]);
    const failures: Array<string | undefined> = [];
    await tellFirstWay(
      () => list,
      (_error, via) => failures.push(via),
    );
    expect(tried).toEqual(["placeholder", "way 1", "way 2"]);
    expect(failures).toEqual(["placeholder", undefined]);
  });

  it("never throws: the last way's failure and a failure to list the ways are reported without a name", async () => {
    const { list } = ways([
      { via: "response_url", fails: true },
      { via: "ephemeral", fails: true },
    ]);
    const failures: Array<string | undefined> = [];
    await expect(
      tellFirstWay(
        () => list,
        (_error, via) => failures.push(via),
      ),
    ).resolves.toBeUndefined();
    expect(failures).toEqual(["response_url", undefined]);

    const messages: string[] = [];
    await tellFirstWay(
      () => {
        throw new Error("wrong platform");
      },
      (error) => messages.push((error as Error).message),
    );
    expect(messages).toEqual(["wrong platform"]);
  });
});

describe("unansweredPlaceholder", () => {
  it("is the placeholder only while nothing of the answer is posted", () => {
    expect(unansweredPlaceholder(undefined)).toBeUndefined();
    expect(unansweredPlaceholder({ platform: "slack", messageIds: [], partsPosted: 0 })).toBeUndefined();
    expect(
      unansweredPlaceholder({ platform: "slack", messageIds: [], partsPosted: 0, placeholderId: "p1" }),
    ).toBe("p1");
    expect(
      unansweredPlaceholder({ platform: "slack", messageIds: ["p1"], partsPosted: 1, placeholderId: "p1" }),
    ).toBeUndefined();
  });
});
