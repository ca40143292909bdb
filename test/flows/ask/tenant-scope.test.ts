import { describe, expect, it } from "vitest";
import type { AskRequest, ReplyTarget } from "../../../src/core/chat.ts";
import { withCollections } from "../../../src/core/collections.ts";
import { parseDocument } from "../../../src/core/ingest/index.ts";
import { Library } from "../../../src/core/library.ts";
import { MemoryConversationMemory, MemoryDeliveryLog } from "../../../src/core/memory/index.ts";
import { MemoryScopeStore } from "../../../src/core/memory/memory-scope-store.ts";
import type { Answer, IngestedArticle } from "../../../src/core/types.ts";
import { AnswerEngine } from "../../../src/flows/ask/answer-engine.ts";
import { runAskJob } from "../../../src/flows/ask/ask-job.ts";
import { RecordingReplier } from "../../support/recording-replier.ts";

function article(id: string, title: string, text: string, collection: string): IngestedArticle {
  const line = JSON.stringify({ id, title, text, language: "en" });
  const [parsed] = parseDocument({ name: `${id}.jsonl`, content: new TextEncoder().encode(line) }).articles;
  if (!parsed) throw new Error("no article");
  return { ...parsed, article: withCollections(parsed.article, [collection]) };
}

const ARTICLES = [
  article(
    "acme-t1",
    "Acme office moves",
    "The Rotterdam office of Acme moves to Delft in May. Staff were told on Monday.",
    "slack:t1:c1",
  ),
  article(
    "acme-t2",
    "Acme Rotterdam office moves to Utrecht",
    "The Rotterdam office of Acme moves to Utrecht in June. The Rotterdam office of Acme closes its doors after ten years in Rotterdam.",
    "slack:t2:c1",
  ),
  article(
    "acme-guild",
    "Acme Rotterdam office",
    "The Rotterdam office of Acme moves to Leiden in July, the server's admins heard.",
    "discord:g9:c1",
  ),
  article(
    "acme-handbook",
    "Acme relocation handbook",
    "Every Acme office that moves gets a relocation budget of two million euros.",
    "handbook",
  ),
];

async function answerFor(
  target: ReplyTarget,
  question: string,
  scopes = new MemoryScopeStore(),
  sharedVisible = true,
  conversation?: { memory: MemoryConversationMemory; previousQuestion: string },
): Promise<Answer> {
  const library = new Library();
  library.add(ARTICLES);
  const deliveries = new MemoryDeliveryLog();
  const request: AskRequest = {
    jobId: `job-${target.platform}-${JSON.stringify(target)}-${question}`,
    question,
    target,
    requestedAt: 0,
    ...(conversation ? { previousQuestion: conversation.previousQuestion } : {}),
  };
  await runAskJob(request, {
    ...(conversation ? { memory: conversation.memory } : {}),
    library,
    store: undefined,
    repliers: { slack: new RecordingReplier(), discord: new RecordingReplier() },
    deliveries,
    engine: new AnswerEngine({ library, log: () => {} }),
    scopes,
    sharedVisible,
    log: () => {},
  });
  return await deliveries.answerFor(request.jobId, () => {
    throw new Error("the job stored its answer");
  });
}

const cited = (answer: Answer) => [...new Set(answer.sources.map((source) => source.articleId))];
const slack = (teamId: string, channelId: string): ReplyTarget => ({
  platform: "slack",
  teamId,
  channelId,
  userId: "U1",
});

describe("an ask job answers from what the asking channel sees", () => {
  const question = "Where does the Rotterdam office of Acme move to?";

  it("never cites another workspace's article, although its channel id is the same and it matches better", async () => {
    const [first, second, guild] = await Promise.all([
      answerFor(slack("T1", "C1"), question),
      answerFor(slack("T2", "C1"), question),
      answerFor({ platform: "discord", guildId: "G9", channelId: "C1", userId: "U1" }, question),
    ]);
    expect(cited(first)).toEqual(["acme-t1"]);
    expect(cited(second)).toEqual(["acme-t2"]);
    expect(cited(guild)).toEqual(["acme-guild"]);
  });

  it("sees nothing of its own workspace's other channels, and what its admins granted", async () => {
    expect(cited(await answerFor(slack("T1", "C2"), question))).toEqual([]);
    const scopes = new MemoryScopeStore();
    await scopes.grant("slack:t1:c2", "handbook");
    await scopes.grant("slack:t1:c2", "slack:t1:c1");
    const answer = await answerFor(
      slack("T1", "C2"),
      "What relocation budget does an Acme office get?",
      scopes,
    );
    expect(cited(answer)).toEqual(["acme-handbook"]);
    expect(cited(await answerFor(slack("T1", "C2"), question, scopes))).toEqual(["acme-t1"]);
  });

  it("ignores a grant of another tenant's collection, should one ever be stored", async () => {
    const scopes = new MemoryScopeStore();
    await scopes.grant("slack:t1:c1", "slack:t2:c1");
    await scopes.grant("slack:t1:c1", "discord:g9:c1");
    expect(cited(await answerFor(slack("T1", "C1"), question, scopes))).toEqual(["acme-t1"]);
  });

  it("never leans a follow-up on another tenant's article, even if a thread's memory named one", async () => {
    const memory = new MemoryConversationMemory();
    const key = "slack:C1:1700000000.000100";
    await memory.remember(key, question, 1);
    await memory.rememberAnswer(key, question, { articleIds: ["acme-t2", "acme-guild"] });
    const target: ReplyTarget = {
      platform: "slack",
      teamId: "T1",
      channelId: "C1",
      userId: "U1",
      threadTs: "1700000000.000100",
    };
    const answer = await answerFor(target, "and when?", new MemoryScopeStore(), true, {
      memory,
      previousQuestion: question,
    });
    expect(cited(answer)).toEqual(["acme-t1"]);
    expect(JSON.stringify(answer)).not.toMatch(/Utrecht|Leiden/u);
  });
});
