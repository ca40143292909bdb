import type { IngestedArticle } from "../../src/core/types.ts";

/** An English article whose whole text is one passage of one sentence: for store and sync tests. */
export function onePassageArticle(
  id: string,
  text: string,
  options: { title?: string; contentHash?: string } = {},
): IngestedArticle {
  return {
    article: {
      id,
      title: options.title ?? `Title ${id}`,
      text,
      language: "en",
      contentHash: options.contentHash ?? `hash-${text}`,
    },
    passages: [
      {
        id: `${id}#0`,
        articleId: id,
        index: 0,
        start: 0,
        end: text.length,
        text,
        sentences: [{ start: 0, end: text.length }],
        language: "en",
      },
    ],
  };
}
