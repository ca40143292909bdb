/**
 * What the model path costs Briefbot itself, without the model's own time: retrieval, prompt, reply parsing,
 * verification and composition per answer, with a model that replies at once (in process), and the same through
 * the real `openai` client streaming from a loopback OpenAI-compatible server; the extractive answer beside.
 * Run alone: node bench/model-path-bench.ts
 */

import { loadPromptTemplates } from "../src/adapters/files/prompt-templates.ts";
import { loadConfig } from "../src/config.ts";
import type { LanguageModel, ModelRequest, ModelResponse } from "../src/core/ports.ts";
import { AnswerEngine } from "../src/flows/ask/answer-engine.ts";
import type { ModelAnswering } from "../src/flows/model/model-answering.ts";
import { createLanguageModel } from "../src/llm/index.ts";
import { FakeOpenAI } from "../test/support/fake-openai.ts";
import { percentile, squadLibrary } from "./answer-bench.ts";

const PASSAGE = /<passage id="(P\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/gu;

/** A faithful reply: the first sentence of each of the first two passages, quoting its first eight words. */
function replyFor(user: string): string {
  const bullets = [...user.matchAll(PASSAGE)].slice(0, 2).map((match) => {
    const text = match[2] ?? "";
    const sentence = text.split(/(?<=[.!?])\s+/u)[0] ?? text;
    const quote = text
      .split(/\s+/u)
      .slice(0, 8)
      .join(" ")
      .replace(/[.,;:]$/u, "");
    return { text: sentence, citations: [{ passage: match[1] ?? "P1", quote }] };
  });
  return JSON.stringify({ answerable: true, bullets });
}

class InstantModel implements LanguageModel {
  readonly name = "instant";
  async complete(request: ModelRequest): Promise<ModelResponse> {
    const text = replyFor(request.user);
    request.onText?.(text);
    return { text, usage: { promptTokens: Math.ceil(request.user.length / 4), completionTokens: 100 } };
  }
}

interface PathFigures {
  name: string;
  p50Ms: number;
  p95Ms: number;
  answersPerSecond: number;
  kept: number;
}

async function measure(name: string, questions: readonly string[], answer: (q: string) => Promise<number>) {
  for (const question of questions.slice(0, 20)) await answer(question);
  const times: number[] = [];
  let kept = 0;
  const started = performance.now();
  for (const question of questions) {
    const before = performance.now();
    kept += await answer(question);
    times.push(performance.now() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    answersPerSecond: questions.length / seconds,
    kept: kept / questions.length,
  } satisfies PathFigures;
}

function answering(model: LanguageModel): ModelAnswering {
  return {
    model,
    templates: loadPromptTemplates(),
    passageTokenBudget: 3_000,
    maxOutputTokens: 1_000,
    attempts: 1,
    budget: undefined,
  };
}

export async function benchModelPath(questionCount = 500): Promise<PathFigures[]> {
  const { library, questions } = squadLibrary();
  const asked = questions.slice(0, questionCount);
  const log = () => {};
  const context = { attempt: Number.POSITIVE_INFINITY };
  const extractive = new AnswerEngine({ library, log });
  const instant = new AnswerEngine({ library, modelAnswering: answering(new InstantModel()), log });
  const server = await FakeOpenAI.start({
    respond: (request) => ({
      kind: "content",
      content: replyFor(request.messages.find((message) => message.role === "user")?.content ?? ""),
      chunkSize: 16,
    }),
  });
  try {
    const config = loadConfig({ OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: "loopback" });
    if (!config.llm) throw new Error("no model configured");
    const overHttp = new AnswerEngine({
      library,
      modelAnswering: answering(createLanguageModel(config.llm)),
      log,
    });
    const bullets = (engine: AnswerEngine) => async (question: string) =>
      (await engine.answer(question, { ...context, onProgress: () => {} })).bullets.length;
    return [
      await measure("extractive", asked, bullets(extractive)),
      await measure("model, in process (no model time)", asked, bullets(instant)),
      await measure("model, openai client, loopback SSE", asked, bullets(overHttp)),
    ];
  } finally {
    await server.close();
  }
}

export function printModelPathBench(rows: readonly PathFigures[]): void {
  console.log("path                                   p50 ms   p95 ms  answers/s  bullets/answer");
  for (const row of rows) {
    console.log(
      [
        row.name.padEnd(36),
        row.p50Ms.toFixed(2).padStart(8),
        row.p95Ms.toFixed(2).padStart(8),
        row.answersPerSecond.toFixed(0).padStart(10),
        row.kept.toFixed(2).padStart(15),
      ].join(" "),
    );
  }
}

if (import.meta.main) printModelPathBench(await benchModelPath());
