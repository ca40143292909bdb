import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../../src/core/ingest/extract/extract-article.ts";
import { FURNITURE, JSON_LD_BODY_PAGE, NEWS_PAGE, OPENGRAPH_PAGE, PARAGRAPHS } from "./pages.ts";

describe("extractArticle", () => {
  const article = extractArticle(NEWS_PAGE, { url: "https://courier.example.com/news?id=1" });

  it("keeps the article's paragraphs, a blank line between each, and nothing else", () => {
    expect(article.text).toBe(PARAGRAPHS.join("\n\n"));
    for (const furniture of FURNITURE) expect(article.text).not.toContain(furniture);
    expect(article.warnings).toEqual([]);
  });

  it("reads JSON-LD NewsArticle metadata and resolves the canonical link against the page's url", () => {
    expect(article).toMatchObject({
      url: "https://courier.example.com/news/2024/03/05/council-transport-budget",
      title: "Council approves transport budget",
      published: "2024-03-05",
      author: "Anna Smit, Piet de Vries",
      source: "The Example Courier",
      language: "en",
    });
  });

  it("reads OpenGraph tags when there is no JSON-LD", () => {
    const page = extractArticle(OPENGRAPH_PAGE, {});
    expect(page).toMatchObject({
      url: "https://courrier.example.fr/2024/03/05/budget",
      title: "Le conseil vote le budget des transports",
      published: "2024-03-05",
      author: "Marie Dupont",
      source: "Le Courrier",
      language: "fr",
    });
    expect(page.text.split("\n\n")).toHaveLength(4);
    expect(page.text).toMatch(/^Le conseil municipal a approuvé/);
    expect(page.text).not.toMatch(/Accueil|Les plus lus|sans rapport/);
  });

  it("takes the body from JSON-LD articleBody when the page itself has none", () => {
    const page = extractArticle(JSON_LD_BODY_PAGE, {});
    expect(page.text).toBe(PARAGRAPHS.slice(0, 3).join("\n\n"));
    expect(page).toMatchObject({
      title: "Transport budget approved",
      published: "2024-03-05",
      author: "Jan Jansen",
      source: "Example Wire",
    });
  });

  it("reads the byline, <time datetime> and <html lang> when nothing else states them", () => {
    const html = `<html lang="nl"><head><title>Gemeente keurt budget goed</title></head><body><article>
      <h1>Gemeente keurt budget goed</h1><div class="byline">Door Jan van der Berg</div>
      <time datetime="2024-03-05">5 maart</time>
      <p>De gemeenteraad heeft dinsdagavond een nieuw budget voor het openbaar vervoer goedgekeurd na een lang debat.</p>
      <p>Het plan voegt veertig elektrische bussen toe aan de vloot en verlengt de nachtdienst op zes lijnen.</p>
      </article></body></html>`;
    const page = extractArticle(html, {});
    expect(page).toMatchObject({ author: "Jan van der Berg", published: "2024-03-05", language: "nl" });
    expect(page.text).not.toContain("Jan van der Berg");
    expect(page.text.split("\n\n")).toHaveLength(2);
  });

  it("keeps a quoted social post and list items, drops captions and slide counters", () => {
    const html = `<html><body><article><h1>Voters react</h1>
      <p>${PARAGRAPHS[0]}</p>
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Finally more buses on my line! <a href="https://t.co/x">https://t.co/x</a></p>— Rider (@rider) <a href="https://twitter.com/rider/status/1">March 5, 2024</a></blockquote></div>
      <p>${PARAGRAPHS[1]}</p>
      <div class="gallery"><span>Image 1 of 5</span><p class="caption">The council chamber on Tuesday. (Image: Example)</p></div>
      <ul><li>Forty electric buses by 2026</li><li>Night service on six routes</li></ul>
      <p>${PARAGRAPHS[2]}</p></article></body></html>`;
    const text = extractArticle(html, {}).text;
    expect(text).toContain("Finally more buses on my line!");
    expect(text).toContain("Forty electric buses by 2026\n\nNight service on six routes");
    expect(text).not.toMatch(/Image 1 of 5|council chamber/);
  });

  it("never throws: empty, binary, malformed, deeply nested and huge pages give text or a warning", () => {
    const inputs = [
      "",
      "   \n ",
      "\u0000\u0001PNG\u0002\u0003binary",
      "<<<>>></div></p><html><html><body",
      `${"<div>".repeat(5_000)}deep`,
      `<html><body>${"<div><a href='#'>link</a> text</div>".repeat(8_000)}</body></html>`,
      `<html><body><script>${"x".repeat(4_000_000)}</script><p>${PARAGRAPHS[0]}</p></body></html>`,
      '<html><head><script type="application/ld+json">{ not json</script></head><body><p>Short.</p></body></html>',
    ];
    for (const input of inputs) {
      const result = extractArticle(input, {});
      expect(typeof result.text).toBe("string");
      if (result.text.length < 200) expect(result.warnings.length).toBeGreaterThan(0);
    }
    expect(extractArticle("", {}).warnings).toEqual(["the page is empty"]);
    expect(extractArticle("\u0000\u0001PNG", {}).text).toBe("");
    expect(extractArticle(inputs[6] as string, {}).text).toBe(PARAGRAPHS[0]);
  });
});
