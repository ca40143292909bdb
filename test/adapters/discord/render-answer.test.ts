import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDiscordAnswer } from "../../../src/adapters/discord/render-answer.ts";
import { renderDiscordHelp } from "../../../src/adapters/discord/render-help.ts";
import type { Answer, Source } from "../../../src/core/types.ts";
import { expectWithinDiscordLimits } from "./discord-limits.ts";

function source(n: number, overrides: Partial<Source> = {}): Source {
  return {
    n,
    articleId: `article-${n}`,
    title: `Trend Micro to share threat information with Interpol, part ${n}`,
    source: "ZDNet",
    url: `https://www.zdnet.com/article/${n}/`,
    published: "2014-10-06",
    language: "en",
    passageId: `article-${n}#0`,
    passage:
      "Trend Micro will also assist Interpol in providing a cybercrime investigation training program.",
    ...overrides,
  };
}

const trendMicro: Answer = {
  question: "What will Trend Micro provide?",
  status: "answered",
  bullets: [
    { text: "Trend Micro will also assist Interpol in providing a training program.", citations: [1] },
    { text: "A Trend Micro researcher will be onsite at the IGCI.", citations: [1, 2] },
  ],
  sources: [source(1), source(2, { url: null })],
};

function allText(payloads: unknown): string {
  return JSON.stringify(payloads);
}

describe("renderDiscordAnswer", () => {
  it("puts a row of 👍/👎 buttons naming the job on the last message only, custom ids within 100 characters", () => {
    const many = Array.from({ length: 60 }, (_, index) => source(index + 1));
    const long: Answer = { ...trendMicro, sources: many, bullets: [{ text: "A fact.", citations: [1] }] };
    const jobId = "discord-int-1500000000000000001";
    const payloads = renderDiscordAnswer(long, jobId);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expectWithinDiscordLimits(payload);
    expect(payloads.slice(0, -1).map((payload) => payload.components)).toEqual(
      payloads.slice(0, -1).map(() => undefined),
    );
    const buttons = payloads.at(-1)?.components?.[0]?.components ?? [];
    expect(buttons.map((button) => button.custom_id)).toEqual([
      `briefbot-feedback:up:${jobId}`,
      `briefbot-feedback:down:${jobId}`,
    ]);
    const noEvidence = renderDiscordAnswer({ ...trendMicro, status: "no_evidence", bullets: [] }, jobId);
    expect(noEvidence.at(-1)?.components).toHaveLength(1);
    expect(renderDiscordAnswer(trendMicro, "x".repeat(100)).at(-1)?.components).toBeUndefined();
  });

  it("renders bullets with linked citation markers and a compact source list in one message", () => {
    const [message, ...rest] = renderDiscordAnswer(trendMicro);
    expect(rest).toEqual([]);
    expect(message?.allowed_mentions).toMatchObject({ parse: [] });
    const [answer, sources] = message?.embeds ?? [];
    expect(answer?.title).toBe("What will Trend Micro provide?");
    expect(answer?.description).toBe(
      [
        "• Trend Micro will also assist Interpol in providing a training program. [\\[1\\]](https://www.zdnet.com/article/1/)",
        "• A Trend Micro researcher will be onsite at the IGCI. [\\[1\\]](https://www.zdnet.com/article/1/)\\[2\\]",
      ].join("\n"),
    );
    expect(sources?.title).toBe("Sources");
    expect(sources?.fields?.[0]).toEqual({
      name: "\\[1\\] Trend Micro to share threat information with Interpol, part 1",
      value:
        "ZDNet · 2014-10-06 · en · [article](https://www.zdnet.com/article/1/)\n“Trend Micro will also assist Interpol in providing a cybercrime investigation training program.”",
    });
    expect(sources?.fields?.[1]?.value).toMatch(/^ZDNet · 2014-10-06 · en\n“/);
  });

  it("renders a no_evidence answer as its plain message", () => {
    const payloads = renderDiscordAnswer({
      question: "Who won the match?",
      status: "no_evidence",
      message: 'The articles don\'t answer this. None of them mention "match".',
      bullets: [],
      sources: [],
    });
    expect(payloads).toEqual([
      {
        content: 'The articles don\'t answer this. None of them mention "match".',
        allowed_mentions: { parse: [], replied_user: false },
      },
    ]);
  });

  it("splits a huge answer over several messages within every limit, keeping every bullet and source", () => {
    const words = "inflation rates rose sharply across the eurozone while central banks hesitated".split(" ");
    const bullets = Array.from({ length: 180 }, (_, index) => ({
      text: `Bullet ${index}: ${Array.from({ length: 90 }, (__, w) => words[(w + index) % words.length]).join(" ")}.`,
      citations: [1 + (index % 60), 1 + ((index + 7) % 60)].sort((a, b) => a - b),
    }));
    const sources = Array.from({ length: 60 }, (_, index) =>
      source(index + 1, {
        title: `A very long headline ${"about the economy ".repeat(30)}`,
        passage: "word ".repeat(800),
      }),
    );
    const payloads = renderDiscordAnswer({
      question: "Why? ".repeat(300),
      status: "answered",
      bullets,
      sources,
    });
    expect(payloads.length).toBeGreaterThan(3);
    for (const payload of payloads) expectWithinDiscordLimits(payload);

    const descriptions = payloads
      .flatMap((payload) => payload.embeds ?? [])
      .map((embed) => embed.description ?? "");
    const lines = descriptions
      .join("\n")
      .split("\n")
      .filter((line) => line.startsWith("• "));
    expect(lines).toHaveLength(bullets.length);
    expect(lines.map((line) => line.match(/Bullet (\d+): /)?.[1])).toEqual(
      bullets.map((_, index) => String(index)),
    );
    const fields = payloads.flatMap((payload) => payload.embeds ?? []).flatMap((embed) => embed.fields ?? []);
    expect(fields.map((field) => field.name.match(/^\\\[(\d+)\\\]/)?.[1])).toEqual(
      sources.map((s) => String(s.n)),
    );
  });

  it("keeps article text from pinging, formatting or forming links", () => {
    const hostile =
      "Hi @everyone and @here, <@123> <@!124> <@&456> <#789> see [click](https://evil.example) **now** ||x||";
    const payloads = renderDiscordAnswer({
      question: "What did @everyone say to <@123>?",
      status: "answered",
      bullets: [{ text: hostile, citations: [1] }],
      sources: [source(1, { title: hostile, source: "@here news", passage: hostile })],
    });
    const text = allText(payloads);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<(@[!&]?|#)\d/);
    expect(text).not.toContain("[click](");
    expect(text).not.toContain("**now**");
    expect(text).not.toMatch(/(?<!\\)\|\|/);
    for (const payload of payloads) expectWithinDiscordLimits(payload);
    const description = payloads[0]?.embeds?.[0]?.description ?? "";
    expect(description).toContain("@\u200beveryone");
    expect(description).toContain("<\u200b@123>");
    expect(description).toContain("\\[click\\](https://evil.example)");
  });

  it("links only http(s) URLs and keeps a link target from closing early", () => {
    const [message] = renderDiscordAnswer({
      ...trendMicro,
      bullets: [{ text: "A fact.", citations: [1, 2] }],
      sources: [source(1, { url: "javascript:alert(1)" }), source(2, { url: "https://example.com/a_(b) c" })],
    });
    const description = message?.embeds?.[0]?.description ?? "";
    expect(description).toBe("• A fact. \\[1\\][\\[2\\]](https://example.com/a_%28b%29%20c)");
  });

  it("splits a long plain message at spaces", () => {
    const message = `The articles don't answer this. ${"None of them mention it. ".repeat(300)}`;
    const payloads = renderDiscordAnswer({
      question: "?",
      status: "no_evidence",
      message,
      bullets: [],
      sources: [],
    });
    expect(payloads.length).toBe(4);
    for (const payload of payloads) expectWithinDiscordLimits(payload);
    expect(payloads.map((payload) => payload.content).join(" ")).toBe(message.trim());
  });

  it("fits any answer within the limits (property)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 3_000 });
    const arbitrarySource = fc.record({
      title: text,
      source: fc.option(text),
      url: fc.option(fc.webUrl()),
      published: fc.option(fc.string({ maxLength: 30 })),
      passage: text,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ text, citations: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }) }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.array(arbitrarySource, { maxLength: 40 }),
        text,
        (bullets, sources, question) => {
          const answer: Answer = {
            question,
            status: "answered",
            bullets,
            sources: sources.map((fields, index) => source(index + 1, fields)),
          };
          const payloads = renderDiscordAnswer(answer);
          for (const payload of payloads) expectWithinDiscordLimits(payload);
          const lines = payloads
            .flatMap((payload) => payload.embeds ?? [])
            .map((embed) => embed.description ?? "")
            .join("\n")
            .split("\n")
            .filter((line) => line.startsWith("• "));
          expect(lines).toHaveLength(bullets.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("renderDiscordHelp", () => {
  it("explains both ways to ask, without pinging", () => {
    const help = renderDiscordHelp("Briefbot");
    expect(help.content).toContain("@Briefbot What will Trend Micro provide?");
    expect(help.content).toContain("/brief question:");
    expect(help.allowed_mentions.parse).toEqual([]);
    expectWithinDiscordLimits(help);
  });
});
