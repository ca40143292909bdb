import { describe, expect, it } from "vitest";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { onlyArticle, parseFile, passageViolation, SEEDS, sentencesOf } from "./helpers.ts";

const FILES = {
  "000": "000_d7d9b6ff4838a688.txt",
  "001": "001_bbc8f1d209894ddf.txt",
  "002": "002_f3caafee4836bddc.txt",
  "003": "003_b7d3b38e21734939.txt",
  "004": "004_8a610366bc82c393.txt",
} as const;

function seed(prefix: keyof typeof FILES): IngestedArticle {
  return onlyArticle(parseFile(SEEDS, FILES[prefix]));
}

describe("seed metadata", () => {
  it("000: Dutch, byline with author and date above the headline", () => {
    const { article } = seed("000");
    expect(article.title).toBe("Trend Micro en INTERPOL bestrijden samen cybercrime");
    expect(article.author).toBe("Wouter Hoeffnagel");
    expect(article.published).toBe("2014-09-30");
    expect(article.language).toBe("nl");
    expect(article.source).toBeUndefined();
  });

  it("001: English, headline first, no author or date stated", () => {
    const { article } = seed("001");
    expect(article.title).toBe("Trend Micro joins Interpol fight against cyber crime");
    expect(article.author).toBeUndefined();
    expect(article.published).toBeUndefined();
    expect(article.language).toBe("en");
    expect(article.source).toBeUndefined();
  });

  it("002: English, headline after 'X' and 'Tech', 'Written by' byline", () => {
    const { article } = seed("002");
    expect(article.title).toBe("Trend Micro to share threat information with Interpol");
    expect(article.author).toBe("Leon Spencer");
    expect(article.published).toBeUndefined();
    expect(article.language).toBe("en");
    expect(article.source).toBeUndefined();
  });

  it("003: English, headline after a tagline, date from the lead sentence (not 'Last June 21')", () => {
    const { article } = seed("003");
    expect(article.title).toBe("Trend Micro and INTERPOL Collaborate in Global Fight against Cybercrime");
    expect(article.author).toBeUndefined();
    expect(article.published).toBe("2013-06-24");
    expect(article.language).toBe("en");
    expect(article.source).toBeUndefined();
  });

  it("004: French, dateline '24 juin 2013 - Media release' under a menu", () => {
    const { article } = seed("004");
    expect(article.title).toBe("INTERPOL et Trend Micro collaboreront contre la cybercriminalité");
    expect(article.author).toBeUndefined();
    expect(article.published).toBe("2013-06-24");
    expect(article.language).toBe("fr");
    expect(article.source).toBeUndefined();
  });
});

describe("seed body text", () => {
  it("drops masthead, menus, bylines and trailing links", () => {
    for (const prefix of Object.keys(FILES) as (keyof typeof FILES)[]) {
      const { text } = seed(prefix).article;
      expect(text).not.toMatch(/^(?:X|Tech|All news|\||Print)$/m);
      expect(text).not.toMatch(/Editorial standards|Read more on|Written by|Media release|Hoeffnagel/);
      expect(text).not.toContain("industry magazine");
    }
  });

  it("keeps the headline out of the body and the repeated standfirst once", () => {
    const { article } = seed("001");
    expect(article.text.startsWith("Security firm Trend Micro has signed up")).toBe(true);
    expect(article.text.match(/Security firm Trend Micro has signed up/g)).toHaveLength(1);
    expect(article.text).not.toContain("Trend Micro joins Interpol fight");
  });

  it("keeps subheadings as their own paragraphs, never inside answer sentences", () => {
    const ingested = seed("000");
    expect(ingested.article.text).toContain("\n\nTrainingsprogramma\n\nDaarnaast zal");
    const sentences = sentencesOf(ingested);
    expect(sentences.some((sentence) => sentence.includes("Trainingsprogramma"))).toBe(false);
    expect(sentences.some((sentence) => sentence.includes("Partnerschappen in alle sectoren"))).toBe(false);
    expect(sentences).toContain(
      "Daarnaast zal Trend Micro INTERPOL helpen bij het opzetten van een trainingsprogramma rond cybercrime-onderzoek.",
    );
  });

  it("splits around initials, titles and French quotes", () => {
    const french = sentencesOf(seed("004"));
    expect(french.find((sentence) => sentence.startsWith("Suite aux discussions"))).toContain(
      "M. Ronald K. Noble, et",
    );
    expect(french).toContain(
      "« Par conséquent, la collaboration d’INTERPOL avecTrend Microconstitue une nouvelle étape importante en vue de nouer une alliance mondiale contre la cybercriminalité », a ajouté M. Noble.",
    );
    const english = sentencesOf(seed("003"));
    expect(english).toContain(
      "Last June 21, Eva Chen, CEO of Trend Micro met with Ronald K. Noble, Secretary General of INTERPOL in Lyon, France and discussed the parameters of this important endeavor.",
    );
    expect(english[0]).toMatch(/^Trend Micro Inc\. has announced last June 24, 2013 its collaboration/);
  });

  it("keeps every passage invariant", () => {
    for (const prefix of Object.keys(FILES) as (keyof typeof FILES)[]) {
      expect(passageViolation(seed(prefix))).toBeUndefined();
    }
  });
});
