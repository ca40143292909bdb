import type { DigestPost } from "../../src/core/chat.ts";
import type { Story } from "../../src/core/digest/index.ts";
import type { Source } from "../../src/core/types.ts";

const HOSTILE = "<!channel> @everyone <@U123> <@&456> **bold** [link](https://evil.example) & < >";

function source(n: number, story: number, text: string): Source {
  return {
    n,
    articleId: `story-${story}-article-${n}`,
    title: `Title ${n} of story ${story}: ${text}`.slice(0, 400),
    source: `Outlet ${n} ${HOSTILE}`,
    url: n % 2 === 0 ? `https://news.example.com/${story}/${n}` : null,
    published: "2026-11-22",
    language: n % 3 === 0 ? "fr" : n % 3 === 1 ? "en" : "nl",
    passageId: `story-${story}-article-${n}#0`,
    passage: `Passage ${n}: ${text}`,
  };
}

/** A digest of `stories` stories with `sources` sources each and long, hostile text everywhere. */
export function hostileDigest(stories: number, sources: number, repeat = 1): DigestPost {
  const text = `${HOSTILE} The harbour closed after a storm with winds of 120 km/h. `.repeat(repeat);
  const list: Story[] = Array.from({ length: stories }, (_, index) => {
    const storySources = Array.from({ length: sources }, (_, k) => source(k + 1, index, text));
    return {
      headline: `Story ${index + 1} ${text}`,
      summary: Array.from({ length: 3 }, (_, k) => ({
        text: `Sentence ${k + 1}: ${text}`,
        citations: storySources.map((s) => s.n),
      })),
      sources: storySources,
      languages: ["en", "fr", "nl"],
      sourceCount: sources,
      latest: "2026-11-22",
    };
  });
  return {
    digest: { stories: list, articleCount: stories * sources },
    title: `Digest: ${HOSTILE}`,
    since: "2026-11-22 08:00 Europe/Amsterdam",
  };
}
