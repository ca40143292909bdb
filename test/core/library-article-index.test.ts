import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/ingest/index.ts";
import { Library } from "../../src/core/library.ts";
import { ARTICLE_INDEX_OPTIONS } from "../../src/core/search/article-ranking.ts";
import { SearchIndex } from "../../src/core/search/search-index.ts";

const markdown = `# Interpol opens its innovation centre

The police organisation opened its new centre in Singapore on Monday, officials said.

## Zebra crossings near the building

Traffic around the site was calmed for the opening week, with new crossings and signs.
`;

describe("the article index, built from the passages' analysis and the text between them", () => {
  it("holds every word of the article, headings included, as analyzing the whole text would", () => {
    const parsed = parseDocument({ name: "centre.md", content: new TextEncoder().encode(markdown) });
    const ingested = parsed.articles[0];
    if (!ingested) throw new Error("no article");
    const library = new Library();
    library.add([ingested]);
    expect(library.searchArticles("zebra crossings", 5).map((hit) => hit.articleId)).toEqual([
      ingested.article.id,
    ]);

    const whole = new SearchIndex(ARTICLE_INDEX_OPTIONS);
    whole.add({
      id: ingested.article.id,
      language: ingested.article.language,
      fields: { title: ingested.article.title, text: ingested.article.text },
    });
    for (const query of ["zebra crossings", "Singapore centre", "traffic opening week"]) {
      const fromLibrary = library.searchArticles(query, 1)[0]?.score ?? 0;
      const fromWhole = whole.search(query, { limit: 1 })[0]?.score ?? 0;
      expect(fromLibrary).toBeCloseTo(fromWhole, 3);
    }
  });
});
