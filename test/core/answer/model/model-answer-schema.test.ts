import { describe, expect, it } from "vitest";
import { MODEL_ANSWER_FORMAT, parseModelAnswer } from "../../../../src/core/answer/model/index.ts";
import { BriefingError } from "../../../../src/core/errors.ts";

const ANSWER = {
  answerable: true,
  bullets: [
    { text: "Trend Micro will train police.", citations: [{ passage: "P1", quote: "deliver training" }] },
  ],
};

function invalid(reply: string): BriefingError {
  try {
    parseModelAnswer(reply);
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("the model's reply", () => {
  it("parses plain JSON", () => {
    expect(parseModelAnswer(JSON.stringify(ANSWER))).toEqual(ANSWER);
  });

  it("parses JSON inside ```json fences, or with text around the object", () => {
    expect(
      parseModelAnswer(
        `Here you go:\n\`\`\`json\n${JSON.stringify(ANSWER, null, 2)}\n\`\`\`\nAnything else?`,
      ),
    ).toEqual(ANSWER);
    expect(parseModelAnswer(`Sure! ${JSON.stringify(ANSWER)} Hope this helps.`)).toEqual(ANSWER);
  });

  it("reads a bare passage number as its id", () => {
    const reply = JSON.stringify({
      answerable: true,
      bullets: [{ text: "t", citations: [{ passage: 3, quote: "q" }] }],
    });
    expect(parseModelAnswer(reply).bullets[0]?.citations[0]?.passage).toBe("P3");
  });

  it("malformed JSON is MODEL_OUTPUT_INVALID, quoting at most 200 characters of the reply", () => {
    const reply = `{"answerable": true, "bullets": [ ${"x".repeat(500)}`;
    const error = invalid(reply);
    expect(error.code).toBe("MODEL_OUTPUT_INVALID");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).not.toContain("x".repeat(250));
  });

  it("a reply of the wrong shape is MODEL_OUTPUT_INVALID saying what is wrong", () => {
    const error = invalid(JSON.stringify({ answerable: "yes", bullets: [{ text: 3, citations: "P1" }] }));
    expect(error.code).toBe("MODEL_OUTPUT_INVALID");
    expect(error.message).toMatch(/answerable/);
    expect(error.message).toMatch(/bullets\.0\./);
  });

  it("an empty reply, or one that pings, is reported without the ping", () => {
    expect(invalid("").message).toMatch(/empty/);
    const error = invalid("<!channel> I will not answer @everyone");
    expect(error.message).not.toMatch(/<!channel>|@everyone/);
  });

  it("offers a JSON schema for structured output", () => {
    expect(MODEL_ANSWER_FORMAT.name).toBe("briefing_answer");
    expect(MODEL_ANSWER_FORMAT.schema).toMatchObject({
      type: "object",
      required: ["answerable", "bullets"],
      additionalProperties: false,
    });
    expect(JSON.stringify(MODEL_ANSWER_FORMAT.schema)).toContain('"quote"');
  });
});
