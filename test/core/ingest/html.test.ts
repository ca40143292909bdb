import { describe, expect, it } from "vitest";
import { FIXTURES, onlyArticle, parseFile, parseText, sentencesOf } from "./helpers.ts";

describe("HTML parser", () => {
  const ingested = onlyArticle(parseFile(FIXTURES, "article.html"));
  const { article } = ingested;

  it("reads metadata from meta tags, the canonical link and the article header", () => {
    expect(article.title).toBe("Police and security firms team up against cybercrime");
    expect(article.author).toBe("Jane O'Neill");
    expect(article.published).toBe("2014-09-30");
    expect(article.source).toBe("The Daily Example");
    expect(article.url).toBe("https://news.example.com/2014/09/30/police-security-firms");
    expect(article.language).toBe("en");
  });

  it("keeps readable article text only, with entities decoded", () => {
    expect(article.text).toContain("organisation & a security vendor signed a three‑year deal");
    expect(article.text).toContain("190 member countries");
    expect(article.text).toContain(
      "“Crime doesn’t stop at borders,” said the secretary‑general. Café owners",
    );
    for (const furniture of [
      "tracking",
      "font-family",
      "World",
      "cookies",
      "Facebook",
      "svg label",
      "enable JavaScript",
      "Subscribe",
      "Related stories",
      "Another story",
      "Tags:",
      "All rights reserved",
      "more script",
      "By Jane",
    ]) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it("keeps subheadings out of sentences", () => {
    expect(article.text).toContain("\n\nTraining programme\n\n");
    expect(sentencesOf(ingested).some((sentence) => sentence.includes("Training programme"))).toBe(false);
  });

  it("uses the page without <article> and strips a site suffix from <title>", () => {
    const html = `<html><head><title>Vendor signs police deal - Example News</title></head><body>
      <nav>Home | World</nav><p>The vendor signed a deal with the police on Monday. It runs three years.</p></body></html>`;
    const page = onlyArticle(parseText("page.htm", html)).article;
    expect(page.title).toBe("Vendor signs police deal");
    expect(page.text).toBe("The vendor signed a deal with the police on Monday. It runs three years.");
  });

  it("reads JSON-LD when meta tags are missing", () => {
    const ld = JSON.stringify({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Deal signed",
      datePublished: "2013-06-24T10:00:00Z",
      author: [{ "@type": "Person", name: "Anna Smit" }],
      publisher: { "@type": "Organization", name: "Example Wire" },
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head>
      <body><p>The vendor signed a deal with the police on Monday in Lyon, France.</p></body></html>`;
    const page = onlyArticle(parseText("ld.html", html)).article;
    expect([page.title, page.published, page.author, page.source]).toEqual([
      "Deal signed",
      "2013-06-24",
      "Anna Smit",
      "Example Wire",
    ]);
  });

  it("reads a .txt file that is really HTML as HTML", () => {
    const html =
      "<!DOCTYPE html><html><body><h1>Police deal signed today</h1><p>The police signed a deal with a vendor.</p><script>x()</script></body></html>";
    const page = onlyArticle(parseText("saved.txt", html)).article;
    expect(page.title).toBe("Police deal signed today");
    expect(page.text).toBe("The police signed a deal with a vendor.");
  });
});
