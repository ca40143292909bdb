import { describe, expect, it } from "vitest";
import { namesFurniture, removeBoilerplate } from "../../../../src/core/ingest/extract/boilerplate.ts";
import { parseHtmlDocument } from "../../../../src/core/ingest/extract/dom.ts";

describe("page furniture by class and id", () => {
  it("splits class names on dashes, underscores and camel case", () => {
    for (const names of [
      "share-bar",
      "post_comments",
      "newsCaption",
      "most-read",
      "c-author-bio",
      "sr-only",
      "adSlot ad",
    ])
      expect(namesFurniture(names), names).toBe(true);
    for (const names of ["article-body", "content", "shared-header", "readme", "headline", "adventure"])
      expect(namesFurniture(names), names).toBe(false);
  });

  it("removes furniture but keeps the content column and quoted posts", () => {
    const long = "Words of the article body that make up most of the page. ".repeat(5);
    const document = parseHtmlDocument(
      `<html><body><div class="page has-sidebar"><p>${long}</p><p>${long}</p>` +
        '<div class="share-tools">Share</div><div hidden>Hidden</div><div style="display: none">Gone</div>' +
        '<nav>Menu</nav><div role="complementary">Aside</div>' +
        '<div class="tweet-embed"><blockquote class="twitter-tweet"><p>Quoted post</p></blockquote></div>' +
        '<p>Said <span class="person"><a href="/p">Ann</a><span class="card"><img src="a.jpg"><a href="/1">Story one</a><a href="/2">Story two</a></span></span> today.</p>' +
        "</div></body></html>",
    );
    const body = document.body;
    if (!body) throw new Error("no body");
    removeBoilerplate(body);
    const text = body.textContent ?? "";
    expect(text).toContain("Words of the article body");
    expect(text).toContain("Quoted post");
    expect(text).toContain("Said Ann today.");
    expect(text).not.toMatch(/Share|Hidden|Gone|Menu|Aside|Story one/);
    expect(document.body?.querySelector("blockquote")?.parentElement?.localName).toBe("div");
  });
});
