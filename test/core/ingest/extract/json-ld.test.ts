import { describe, expect, it } from "vitest";
import { readJsonLdArticle } from "../../../../src/core/ingest/extract/json-ld.ts";

describe("readJsonLdArticle", () => {
  it("finds the article in an @graph array, whatever comes before it", () => {
    const graph = JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", name: "Example Wire" },
        {
          "@type": ["ReportageNewsArticle", "NewsArticle"],
          headline: "  Deal   signed ",
          datePublished: "2013-06-24T10:00:00Z",
          author: [{ "@type": "Person", name: "Anna Smit" }, "Piet de Vries", { "@id": "https://x/#me" }],
          publisher: { "@type": "Organization", name: "Example Wire" },
          mainEntityOfPage: { "@id": "https://wire.example.com/deal" },
          inLanguage: "en-US",
          articleBody: "First paragraph.\n\nSecond paragraph.",
        },
      ],
    });
    expect(readJsonLdArticle(["{ broken", JSON.stringify({ "@type": "WebSite", name: "x" }), graph])).toEqual(
      {
        headline: "Deal signed",
        published: "2013-06-24T10:00:00Z",
        author: "Anna Smit, Piet de Vries",
        publisher: "Example Wire",
        body: "First paragraph.\n\nSecond paragraph.",
        language: "en-US",
        url: "https://wire.example.com/deal",
      },
    );
  });

  it("reads a top-level array, a BlogPosting, and JSON with raw line breaks inside strings", () => {
    const blog = '[{"@type": "BlogPosting", "headline": "Line\nbreak", "author": {"name": "Jo"}}]';
    expect(readJsonLdArticle([blog])).toEqual({ headline: "Line break", author: "Jo" });
  });

  it("is undefined without an article", () => {
    expect(readJsonLdArticle([])).toBeUndefined();
    expect(readJsonLdArticle(['{"@type": "BreadcrumbList"}', "null", "42", "<!-- -->"])).toBeUndefined();
  });
});
