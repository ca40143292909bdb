import { describe, expect, it } from "vitest";
import { FIXTURES, onlyArticle, parseFile, parseText, sentencesOf } from "./helpers.ts";

describe("Markdown parser", () => {
  const ingested = onlyArticle(parseFile(FIXTURES, "article.md"));
  const { article } = ingested;

  it("reads front matter", () => {
    expect(article.title).toBe("Security vendor joins police fight against cybercrime");
    expect(article.published).toBe("2013-06-24");
    expect(article.author).toBe("Anna de Vries");
    expect(article.source).toBe("Example Wire");
    expect(article.url).toBe("https://wire.example.org/articles/1234");
    expect(article.language).toBe("en");
  });

  it("strips markdown syntax, keeps link text, drops code and images", () => {
    expect(
      article.text.startsWith(
        "The security vendor will support the international police organisation with threat analysis and training.",
      ),
    ).toBe(true);
    expect(article.text).not.toMatch(/[*_`#>[\]]|https?:|console\.log|photo/);
    expect(article.text).toContain('"This is an important step," said the vendor\'s chief executive.');
  });

  it("turns a list into one paragraph of lines and keeps headings out of sentences", () => {
    expect(article.text).toContain(
      "e-learning modules\nclassroom sessions\nworkshops and professional certifications",
    );
    const sentences = sentencesOf(ingested);
    expect(sentences).toContain("classroom sessions");
    expect(sentences).not.toContain("Training");
  });

  it("takes the url only from an explicit label or a linked headline", () => {
    const linked = onlyArticle(
      parseText(
        "a.md",
        "# [Police sign vendor deal](https://example.org/deal)\n\nThe police signed a deal with a vendor on Monday.\n\nMore at [our site](https://example.org).",
      ),
    );
    expect(linked.article.url).toBe("https://example.org/deal");
    expect(linked.article.title).toBe("Police sign vendor deal");
    const unlabeled = onlyArticle(
      parseText(
        "b.md",
        "# Police sign vendor deal\n\nThe police signed a deal, says [the vendor](https://vendor.example).",
      ),
    );
    expect(unlabeled.article.url).toBeUndefined();
  });

  it("reads setext headings and joins soft-wrapped lines", () => {
    const { article: setext } = onlyArticle(
      parseText(
        "c.markdown",
        "Police sign vendor deal\n=======================\n\nThe police signed\na deal on Monday.\n",
      ),
    );
    expect(setext.title).toBe("Police sign vendor deal");
    expect(setext.text).toBe("The police signed a deal on Monday.");
  });
});
