import { Parser } from "htmlparser2";
import { absoluteUrl } from "./feed-values.ts";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
]);

/**
 * The feeds a page announces, in page order: `<link rel="alternate" type="application/rss+xml|atom+xml|
 * feed+json|json" href>`, resolved against the page's URL (or its `<base href>`).
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  let base = pageUrl;
  const hrefs: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "base" && attributes.href) base = absoluteUrl(attributes.href, pageUrl) ?? base;
        if (name !== "link" || attributes.href === undefined) return;
        const rels = (attributes.rel ?? "").toLowerCase().split(/\s+/u);
        const type = (attributes.type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (rels.includes("alternate") && FEED_TYPES.has(type)) hrefs.push(attributes.href);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const urls = hrefs.map((href) => absoluteUrl(href, base)).filter((url) => url !== undefined);
  return [...new Set(urls)];
}
