import { describe, expect, it } from "vitest";
import {
  goldCitationPrecision,
  goldParagraphCitations,
  type ModelAnsweredEvent,
  type QuestionOutcome,
  recordEvent,
  sampleQuestions,
  scoreAnswer,
  summarizeOutcomes,
} from "../../eval/llm.ts";
import type { QaQuestion } from "../../eval/squad-format.ts";
import type { Answer, Source } from "../../src/core/types.ts";

function source(n: number, articleId: string, passage: string): Source {
  return {
    n,
    articleId,
    title: articleId,
    source: null,
    url: null,
    published: null,
    language: "en",
    passageId: `${articleId}#0`,
    passage,
  };
}

const BRONCOS = "The Denver Broncos defeated the Carolina Panthers 24–10 to win Super Bowl 50.";
const VENUE = "The game was played at Levi's Stadium in Santa Clara, California.";

const answer: Answer = {
  question: "Who won Super Bowl 50?",
  status: "answered",
  bullets: [
    { text: "Super Bowl 50 was played in Santa Clara.", citations: [2] },
    { text: "The Broncos won the game, beating the Panthers.", citations: [1, 2] },
  ],
  sources: [source(1, "p0-0", BRONCOS), source(2, "p0-1", VENUE)],
  model: "stand-in",
};

const question: QaQuestion = {
  id: "q1",
  question: "Who won Super Bowl 50?",
  answers: ["Denver Broncos", "the Broncos", "Broncos"],
  paragraphId: "p0-0",
};

describe("eval/llm.ts metrics", () => {
  it("scores the gold answer in the first and in any bullet, normalized like SQuAD", () => {
    expect(scoreAnswer(answer, question.answers)).toEqual({ answered: true, first: false, any: true });
    const first = { ...answer, bullets: [...answer.bullets].reverse() };
    expect(scoreAnswer(first, ["BRONCOS!"])).toEqual({ answered: true, first: true, any: true });
    expect(scoreAnswer(answer, ["Panthers won"])).toEqual({ answered: true, first: false, any: false });
    const none: Answer = { question: "?", status: "no_evidence", bullets: [], sources: [] };
    expect(scoreAnswer(none, question.answers)).toEqual({ answered: false, first: false, any: false });
  });

  it("counts, of the bullets holding a gold answer, the citations whose passage holds that answer", () => {
    // Only the second bullet holds a gold answer ("Broncos"); it cites the Broncos passage and the venue one.
    expect(goldCitationPrecision(answer, question.answers)).toEqual({ citations: 2, good: 1 });
    // The bullet holds "Santa Clara"; the passage it cites holds it too.
    expect(goldCitationPrecision(answer, ["Santa Clara"])).toEqual({ citations: 1, good: 1 });
    // The passage holding a different gold string than the bullet does not count.
    const other: Answer = {
      ...answer,
      bullets: [{ text: "Levi's Stadium hosted it.", citations: [1] }],
    };
    expect(goldCitationPrecision(other, ["Levi's Stadium", "Denver Broncos"])).toEqual({
      citations: 1,
      good: 0,
    });
    // A citation number with no source is a citation that does not hold up.
    const dangling: Answer = { ...answer, bullets: [{ text: "The Broncos won.", citations: [3] }] };
    expect(goldCitationPrecision(dangling, question.answers)).toEqual({ citations: 1, good: 0 });
  });

  it("counts all citations pointing to the gold paragraph", () => {
    expect(goldParagraphCitations(answer, "p0-0")).toEqual({ citations: 3, good: 1 });
    expect(goldParagraphCitations(answer, "p9-9")).toEqual({ citations: 3, good: 0 });
  });

  it("reads the engine's log events and sums outcomes", () => {
    const event = (fields: Record<string, unknown>, more: Array<[string, Record<string, unknown>]> = []) => {
      const record: { answered: ModelAnsweredEvent | undefined; failures: string[] } = {
        answered: undefined,
        failures: [],
      };
      for (const [name, values] of [["model_answered", fields] as [string, Record<string, unknown>], ...more])
        recordEvent(record, name, values);
      return record;
    };
    const extractive: Answer = {
      ...answer,
      model: undefined,
      bullets: [answer.bullets[1] as Answer["bullets"][number]],
    };
    const outcomes: QuestionOutcome[] = [
      {
        question,
        model: answer,
        extractive,
        ms: 100,
        ...event({ passages: 4, proposed: 3, kept: 2, dropped: "quote_not_found", tokens: 1000 }),
        error: undefined,
      },
      {
        question,
        model: extractive,
        extractive,
        ms: 300,
        ...event({
          passages: 4,
          proposed: 2,
          kept: 0,
          dropped: "unsupported,mention",
          fellBack: true,
          tokens: 800,
        }),
        error: undefined,
      },
      {
        question,
        model: extractive,
        extractive,
        ms: 200,
        answered: undefined,
        failures: ["MODEL_TIMEOUT"],
        error: undefined,
      },
    ];
    const summary = summarizeOutcomes(outcomes);
    expect(summary).toMatchObject({
      questions: 3,
      proposed: 5,
      kept: 2,
      allDropped: 1,
      proposedNothing: 0,
      notAnswerable: 0,
      calls: 2,
      tokens: 1800,
      meanMs: 200,
      medianMs: 200,
    });
    expect(Object.fromEntries(summary.dropped)).toEqual({ quote_not_found: 1, unsupported: 1, mention: 1 });
    expect(Object.fromEntries(summary.failures)).toEqual({ MODEL_TIMEOUT: 1 });
    expect(summary.shown).toMatchObject({ n: 3, answered: 3, first: 2, any: 3 });
    expect(summary.modelWritten).toMatchObject({ n: 1, first: 0, any: 1 });
    expect(summary.extractive).toMatchObject({ n: 3, first: 3, any: 3 });
  });

  it("samples the same questions for the same seed", () => {
    const questions = Array.from({ length: 50 }, (_, index) => ({ ...question, id: `q${index}` }));
    const ids = (seed: number) => sampleQuestions(questions, 10, seed).map((picked) => picked.id);
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect(new Set(ids(7)).size).toBe(10);
  });
});
