import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSlackAnswer } from "../../../src/adapters/slack/render-answer.ts";
import { renderSlackHelp, renderSlackSearching } from "../../../src/adapters/slack/render-help.ts";
import { escapeSlack } from "../../../src/adapters/slack/slack-text.ts";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import type { Answer, Source } from "../../../src/core/types.ts";
import { seedLibrary } from "../../support/seed-library.ts";
import { allTexts, expectNoSlackControlSequences, expectWithinSlackLimits, textsOf } from "./slack-limits.ts";

function source(n: number, overrides: Partial<Source> = {}): Source {
  return {
    n,
    articleId: `article-${n}`,
    title: `Article number ${n} about the Interpol cybercrime centre`,
    source: "ZDNet",
    url: `https://news.example.com/articles/${n}`,
    published: "2014-10-02",
    language: "en",
    passageId: `article-${n}#0`,
    passage: `Passage ${n}: Trend Micro will share threat information with Interpol.`,
    ...overrides,
  };
}

function hugeAnswer(): Answer {
  const filler = "Trend Micro will deliver training programmes to Interpol and police organisations. ".repeat(
    6,
  );
  const sources = Array.from({ length: 150 }, (_, index) =>
    source(index + 1, { title: `Long title ${index + 1} `.repeat(30), passage: filler.repeat(5) }),
  );
  const bullets = Array.from({ length: 120 }, (_, index) => ({
    text: `Bullet ${index + 1}: ${filler}`,
    citations: [index + 1, ((index + 7) % 150) + 1, ((index + 42) % 150) + 1].sort((a, b) => a - b),
  }));
  return { question: "What will Trend Micro provide?", status: "answered", bullets, sources };
}

describe("renderSlackAnswer", () => {
  it("puts 👍/👎 buttons carrying the job id on the last message only, within Slack's limits", () => {
    const jobId = "slack-cmd-13345224609_738474920_80889";
    const messages = renderSlackAnswer(hugeAnswer(), jobId);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinSlackLimits(messages);
    const withButtons = messages.map((message) => message.blocks.filter((block) => block.type === "actions"));
    expect(withButtons.slice(0, -1).flat()).toEqual([]);
    const [actions] = withButtons.at(-1) ?? [];
    expect(actions?.type === "actions" && actions.elements.map((button) => button.value)).toEqual([
      jobId,
      jobId,
    ]);
    const noEvidence = renderSlackAnswer(
      { question: "Who won?", status: "no_evidence", bullets: [], sources: [] },
      jobId,
    );
    expect(noEvidence[0]?.blocks.at(-1)?.type).toBe("actions");
    expect(renderSlackAnswer(hugeAnswer()).flatMap((message) => message.blocks)).not.toContainEqual(
      expect.objectContaining({ type: "actions" }),
    );
  });

  it("renders a seed answer as one message: question, cited bullets, compact sources", async () => {
    const library = await seedLibrary();
    const answer = library.ask(validateQuestion("What will Trend Micro provide?"));
    expect(answer.status).toBe("answered");
    const messages = renderSlackAnswer(answer);
    expect(messages).toHaveLength(1);
    const texts = allTexts(messages).join("\n");
    expect(texts).toContain("*Question:* What will Trend Micro provide?");
    for (const bullet of answer.bullets) {
      expect(texts).toContain(`• ${escapeSlack(bullet.text)}`);
    }
    for (const cited of answer.sources) expect(texts).toContain(`*[${cited.n}]*`);
    expect(texts).toContain("*Sources*");
    expect(messages[0]?.text).toContain("Trend Micro");
    expectWithinSlackLimits(messages);
  });

  it("splits a huge answer into messages within Slack's limits and keeps every bullet and source", () => {
    const answer = hugeAnswer();
    const messages = renderSlackAnswer(answer);
    expect(messages.length).toBeGreaterThan(3);
    expectWithinSlackLimits(messages);
    const sections = messages.flatMap((message) => message.blocks.flatMap(textsOf)).join("\n");
    for (const bullet of answer.bullets) expect(sections).toContain(escapeSlack(bullet.text.trim()));
    for (const cited of answer.sources) expect(sections).toContain(`*[${cited.n}]*`);
    const bulletOrder = answer.bullets.map((bullet) =>
      sections.indexOf(`Bullet ${bullet.text.split(":")[0]?.slice(7)}:`),
    );
    expect(bulletOrder).toEqual([...bulletOrder].sort((a, b) => a - b));
    messages.forEach((message, index) => {
      const footer = message.blocks.at(-1);
      expect(footer && textsOf(footer)).toEqual([`Part ${index + 1} of ${messages.length}`]);
    });
  });

  it("links citation markers to the article when it has a URL, and only http(s) URLs", () => {
    const answer: Answer = {
      question: "q",
      status: "answered",
      bullets: [{ text: "A fact.", citations: [1, 2, 3] }],
      sources: [
        source(1, { url: "https://example.com/a?x=1&y=<2>|z" }),
        source(2, { url: "javascript:alert(1)" }),
        source(3, { url: null }),
      ],
    };
    const [message] = renderSlackAnswer(answer);
    const bullets = message?.blocks.find((block) => block.type === "section");
    expect(bullets && textsOf(bullets)[0]).toBe(
      "• A fact. <https://example.com/a?x=1&amp;y=%3C2%3E%7Cz|[1]>[2][3]",
    );
    expectNoSlackControlSequences(renderSlackAnswer(answer));
  });

  it("keeps a bullet that cites hundreds of sources within a section", () => {
    const sources = Array.from({ length: 600 }, (_, index) => source(index + 1));
    const answer: Answer = {
      question: "q",
      status: "answered",
      bullets: [{ text: "A widely reported fact.", citations: sources.map((cited) => cited.n) }],
      sources,
    };
    const messages = renderSlackAnswer(answer);
    expectWithinSlackLimits(messages);
    expect(allTexts(messages).join("\n")).toContain("• A widely reported fact. [1][2][3]");
  });

  it("escapes <!channel>, <!here>, <@U123> and & in article text so nobody is pinged", () => {
    const hostile =
      "Alert <!channel> <!here> <@U123> <#C123|general> @everyone Q&A <https://evil.example|click>";
    const answer: Answer = {
      question: "Who is <!channel>?",
      status: "answered",
      bullets: [{ text: hostile, citations: [1] }],
      sources: [source(1, { title: hostile, source: "<!subteam^S1> & Co", passage: hostile })],
    };
    const messages = renderSlackAnswer(answer);
    const texts = allTexts(messages).join("\n");
    for (const ping of [
      "<!channel>",
      "<!here>",
      "<@U123>",
      "<#C123|general>",
      "<!subteam^S1>",
      "<https://evil",
    ]) {
      expect(texts).not.toContain(ping);
    }
    expect(texts).toContain("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;");
    expect(texts).toContain("Q&amp;A");
    expect(texts).toContain("&lt;!subteam^S1&gt; &amp; Co");
    expectNoSlackControlSequences(messages);
    for (const block of messages.flatMap((message) => message.blocks)) {
      if (block.type === "section") expect(block.text.verbatim).toBe(true);
      if (block.type === "context") for (const element of block.elements) expect(element.verbatim).toBe(true);
    }
  });

  it("keeps any article text within limits and unable to ping (property)", () => {
    const text = fc.string({
      unit: fc.constantFrom("<", ">", "&", "!", "@", "|", "a", " ", "é", "\n", "😀"),
      maxLength: 4_000,
    });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), text, (bulletTexts, passage) => {
        const answer: Answer = {
          question: passage.slice(0, 50) || "q",
          status: "answered",
          bullets: bulletTexts.map((bulletText, index) => ({
            text: bulletText || "x",
            citations: [index + 1],
          })),
          sources: bulletTexts.map((_, index) => source(index + 1, { passage, title: passage })),
        };
        const messages = renderSlackAnswer(answer);
        expectWithinSlackLimits(messages);
        expectNoSlackControlSequences(messages);
      }),
      { numRuns: 60 },
    );
  });

  it("renders no_evidence plainly, escaped", async () => {
    const library = await seedLibrary();
    const answer = library.ask(validateQuestion("What is the airspeed velocity of an unladen swallow?"));
    expect(answer.status).toBe("no_evidence");
    const messages = renderSlackAnswer(answer);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.blocks).toHaveLength(1);
    expect(messages[0]?.blocks[0]).toMatchObject({
      type: "section",
      text: { text: escapeSlack(answer.message ?? "") },
    });

    const hostile = renderSlackAnswer({
      question: "q",
      status: "no_evidence",
      message: "<!channel> nothing",
      bullets: [],
      sources: [],
    });
    expect(allTexts(hostile).join("")).not.toContain("<!channel>");
  });
});

describe("help and acknowledgement texts", () => {
  it("says how many articles are searched", () => {
    expect(renderSlackSearching(1_234)).toBe("Searching 1,234 articles…");
    expect(renderSlackSearching(1)).toBe("Searching 1 article…");
    expect(renderSlackSearching(undefined)).toBe("Searching the articles…");
  });

  it("explains /brief and mentions", () => {
    const help = renderSlackHelp("/brief");
    const text = allTexts([help]).join("\n");
    expect(text).toContain("/brief what will Trend Micro provide?");
    expect(text).toContain("/brief help");
    expect(text).toContain("Mention me");
    expectNoSlackControlSequences([help]);
  });

  it("explains it in Dutch and French too, within Slack's rules", () => {
    const dutch = renderSlackHelp("/brief", "nl");
    const french = renderSlackHelp("/brief", "fr");
    expect(allTexts([dutch]).join("\n")).toContain("/brief hulp");
    expect(allTexts([french]).join("\n")).toContain("/brief aide");
    expectNoSlackControlSequences([dutch, french]);
    expectWithinSlackLimits([dutch, french]);
  });
});
