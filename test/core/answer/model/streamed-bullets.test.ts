import { describe, expect, it } from "vitest";
import { BulletsAsWritten } from "../../../../src/core/answer/model/bullets-as-written.ts";
import { parseProposedBullet } from "../../../../src/core/answer/model/model-answer-schema.ts";
import { completedBullets } from "../../../../src/core/answer/model/streamed-bullets.ts";

const reply = JSON.stringify({
  answerable: true,
  bullets: [
    { text: 'One says "}" and {braces}.', citations: [{ passage: "P1", quote: "a ] b" }] },
    { text: "Two\\ends with a backslash\\", citations: [{ passage: 2, quote: "q" }] },
    { text: "Three.", citations: [] },
  ],
});

describe("completedBullets", () => {
  it("gives each bullet object once its closing brace has arrived, never a partial one", () => {
    const seen: number[] = [];
    for (let end = 0; end <= reply.length; end++) seen.push(completedBullets(reply.slice(0, end)).length);
    expect(seen.at(-1)).toBe(3);
    expect(seen.every((count, index) => index === 0 || count >= (seen[index - 1] ?? 0))).toBe(true);
    const all = completedBullets(reply).map((json) => JSON.parse(json));
    expect(all).toEqual(JSON.parse(reply).bullets);
    const firstDone = reply.indexOf("}]}") + 3;
    expect(completedBullets(reply.slice(0, firstDone - 1))).toHaveLength(0);
    expect(completedBullets(reply.slice(0, firstDone))).toHaveLength(1);
  });

  it("skips text before the object, and ignores a key named bullets inside a bullet", () => {
    const fenced = `\`\`\`json\n{"bullets": [{"text": "x", "citations": [], "bullets": [{"a": 1}]}`;
    expect(completedBullets(fenced)).toEqual(['{"text": "x", "citations": [], "bullets": [{"a": 1}]}']);
    expect(completedBullets('{"answerable": false, "bullets": []}')).toEqual([]);
    expect(completedBullets("no json here")).toEqual([]);
  });

  it("reads a bullet as the reply parser does: a bare passage number is a passage id", () => {
    expect(parseProposedBullet('{"text": "t", "citations": [{"passage": 3, "quote": "q"}]}')).toEqual({
      text: "t",
      citations: [{ passage: "P3", quote: "q" }],
    });
    expect(parseProposedBullet('{"text": 1}')).toBeUndefined();
  });
});

describe("BulletsAsWritten", () => {
  it("tells the verified bullets so far, each time one more passes, and starts again with a new reply", () => {
    const told: string[][] = [];
    const asWritten = new BulletsAsWritten(
      (bullet) => (bullet.text.startsWith("Two") ? undefined : { text: bullet.text, citations: [] }),
      (verified) => told.push(verified.map((bullet) => bullet.text)),
    );
    for (let end = 1; end <= reply.length; end += 7) asWritten.update(reply.slice(0, end));
    asWritten.update(reply);
    expect(told).toEqual([['One says "}" and {braces}.'], ['One says "}" and {braces}.', "Three."]]);
    asWritten.update(reply.slice(0, 5));
    asWritten.update(reply);
    expect(told).toHaveLength(3);
    expect(told[2]).toEqual(told[1]);
  });
});
