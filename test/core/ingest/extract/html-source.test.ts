import { describe, expect, it } from "vitest";
import { MAX_HTML_CHARS, prepareHtml } from "../../../../src/core/ingest/extract/html-source.ts";

describe("prepareHtml", () => {
  it("cuts scripts, styles, SVG, templates and comments and keeps the JSON-LD text", () => {
    const html =
      '<head><SCRIPT type="application/ld+json">{"@type":"NewsArticle"}</SCRIPT><script>if (a < b) x("</p>");</script>' +
      "<style>p { color: red }</style></head><body><!-- note --><p>One<svg><text>icon</text></svg><svg-icon>two</svg-icon>" +
      '<svg viewBox="0 0 1 1"/>three</p><template><p>hidden</p></template><scripted>four</scripted></body>';
    const prepared = prepareHtml(html);
    expect(prepared.jsonLd).toEqual(['{"@type":"NewsArticle"}']);
    expect(prepared.html).toBe(
      "<head></head><body><p>One<svg-icon>two</svg-icon>three</p><scripted>four</scripted></body>",
    );
    expect(prepared.truncated).toBe(false);
  });

  it("lets an element left open swallow the rest, as a browser does, and cuts very long markup", () => {
    expect(prepareHtml("<p>kept</p><script>never closed <p>lost</p>").html).toBe("<p>kept</p>");
    expect(prepareHtml("<p>kept</p><!-- open comment").html).toBe("<p>kept</p>");
    const long = prepareHtml(`<p>${"a".repeat(MAX_HTML_CHARS)}</p>`);
    expect(long.truncated).toBe(true);
    expect(long.html).toHaveLength(MAX_HTML_CHARS);
  });
});
