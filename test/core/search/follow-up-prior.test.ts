import { describe, expect, it } from "vitest";
import {
  CONVERSATION_TERM_WEIGHT,
  conversationTerms,
  FOLLOW_UP_PRIOR,
  withPrior,
} from "../../../src/core/search/follow-up-prior.ts";
import type { QueryTerm } from "../../../src/core/text/query.ts";

function term(word: string, weight = 1): QueryTerm {
  return { surface: word, byLanguage: new Map([["en", word]]), variants: [word], weight };
}

describe("a follow-up's prior: the earlier answer's articles", () => {
  it("raises their matching passages and lets one outside the top list join it; nothing changes without them", () => {
    const hits = [
      { id: "strike#0", score: 2 },
      { id: "bridge#0", score: 1.5 },
    ];
    expect(withPrior(hits, [], 2)).toEqual(hits);
    const prior = [
      { id: "bridge#0", score: 1.5 },
      { id: "bridge#1", score: 1.2 },
    ];
    expect(withPrior(hits, prior, 3)).toEqual([
      { id: "bridge#0", score: 1.5 * (1 + FOLLOW_UP_PRIOR) },
      { id: "strike#0", score: 2 },
      { id: "bridge#1", score: 1.2 * (1 + FOLLOW_UP_PRIOR) },
    ]);
    expect(withPrior(hits, prior, 1).map((hit) => hit.id)).toEqual(["bridge#0"]);
  });

  it("adds the earlier answer's words the question lacks, once each, at a low weight and marked as the conversation's", () => {
    const joined = conversationTerms(
      [term("last"), term("long")],
      [term("bridge"), term("last"), term("bridge")],
    );
    expect(joined.map((token) => [token.surface, token.weight, token.fromConversation ?? false])).toEqual([
      ["last", 1, false],
      ["long", 1, false],
      ["bridge", CONVERSATION_TERM_WEIGHT, true],
    ]);
  });
});
