import { describe, expect, it } from "vitest";
import type { ConversationMemory } from "../../src/core/chat.ts";
import { MemoryConversationMemory } from "../../src/core/memory/index.ts";
import { RedisConversationMemory } from "../../src/store/redis-conversation-memory.ts";
import { redisPerFile } from "../support/redis-server.ts";

const redis = redisPerFile();
let namespaceCounter = 0;

const memories: Array<[string, () => ConversationMemory]> = [
  ["memory", () => new MemoryConversationMemory()],
  ["redis", () => new RedisConversationMemory(redis.client(), `conversation-${namespaceCounter++}`)],
];

describe.each(memories)("%s conversation memory", (_name, makeMemory) => {
  it("keeps the last three questions, each with what its answer cited once the worker recorded it", async () => {
    const memory = makeMemory();
    for (const [index, question] of ["one?", "two?", "three?", "four?"].entries())
      await memory.remember("slack:C1:1.0", question, 100 + index);
    await memory.rememberAnswer("slack:C1:1.0", "three?", { articleIds: ["a", "b"] });
    await memory.rememberAnswer("slack:C1:1.0", "one?", { articleIds: ["forgotten"] });
    await memory.rememberAnswer("slack:C9:1.0", "four?", { articleIds: ["elsewhere"] });
    expect(await memory.turns("slack:C1:1.0")).toEqual({
      questions: ["two?", "three?", "four?"],
      turns: [
        { question: "two?" },
        { question: "three?", answer: { articleIds: ["a", "b"] } },
        { question: "four?" },
      ],
      lastAt: 103,
    });
    expect(await memory.turns("slack:C9:1.0")).toBeUndefined();
  });

  it("records an answer on the latest unanswered turn asking the question, once", async () => {
    const memory = makeMemory();
    await memory.remember("k", "why?", 1);
    await memory.remember("k", "why?", 2);
    await memory.rememberAnswer("k", "why?", { articleIds: ["second"] });
    await memory.rememberAnswer("k", "why?", { articleIds: ["first"] });
    await memory.rememberAnswer("k", "why?", { articleIds: ["third"] });
    expect((await memory.turns("k"))?.turns).toEqual([
      { question: "why?", answer: { articleIds: ["first"] } },
      { question: "why?", answer: { articleIds: ["second"] } },
    ]);
  });
});

describe("redis conversation memory, earlier formats", () => {
  it("reads the questions-only record and the plain-text one as turns without answers, and writes over them", async () => {
    const client = redis.client();
    const memory = new RedisConversationMemory(client, "formats");
    await client.set("{formats}:thread:old", JSON.stringify({ questions: ["a?", "b?"], lastAt: 7 }));
    await client.set("{formats}:thread:oldest", "What did Trend Micro sign?");
    expect(await memory.turns("old")).toEqual({
      questions: ["a?", "b?"],
      turns: [{ question: "a?" }, { question: "b?" }],
      lastAt: 7,
    });
    expect(await memory.turns("oldest")).toEqual({
      questions: ["What did Trend Micro sign?"],
      turns: [{ question: "What did Trend Micro sign?" }],
      lastAt: 0,
    });
    await memory.rememberAnswer("old", "b?", { articleIds: ["x"] });
    await memory.remember("oldest", "and in 2014?", 9);
    expect((await memory.turns("old"))?.turns.at(-1)).toEqual({
      question: "b?",
      answer: { articleIds: ["x"] },
    });
    expect(await memory.turns("oldest")).toMatchObject({
      questions: ["What did Trend Micro sign?", "and in 2014?"],
      lastAt: 9,
    });
    expect(await client.ttl("{formats}:thread:old")).toBeGreaterThan(0);
  });

  it("loses no question when the adapter and the worker write the same thread at once", async () => {
    const memory = new RedisConversationMemory(redis.client(), "racing");
    await memory.remember("t", "first?", 1);
    await Promise.all([
      memory.rememberAnswer("t", "first?", { articleIds: ["a"] }),
      memory.remember("t", "second?", 2),
      memory.remember("t", "third?", 3),
    ]);
    const turns = await memory.turns("t");
    expect(turns?.questions.slice().sort()).toEqual(["first?", "second?", "third?"]);
    expect(turns?.turns.find((turn) => turn.question === "first?")?.answer).toEqual({ articleIds: ["a"] });
  });
});
