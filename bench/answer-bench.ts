/** Questions answered per second on one index (the `ask --batch` path without I/O), seeds and SQuAD. */
import { evalFile } from "../eval/eval-data.ts";
import { readSquadFormat } from "../eval/squad-format.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";

export interface AnswerFigures {
  passages: number;
  questions: number;
  questionsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/** The SQuAD dev paragraphs as one library, and their questions. */
export function squadLibrary(): { library: Library; questions: string[] } {
  const { paragraphs, questions } = readSquadFormat(evalFile("squad-v1.1-dev-part1.json"));
  const jsonl = paragraphs
    .map((p) => JSON.stringify({ id: p.id, title: p.title, text: p.text, language: "en" }))
    .join("\n");
  const library = new Library();
  library.add(parseDocument({ name: "squad.jsonl", content: new TextEncoder().encode(jsonl) }).articles);
  return { library, questions: questions.map((question) => question.question) };
}

export function benchAnswers(questionCount = 2_000): AnswerFigures {
  const { library, questions } = squadLibrary();
  const asked = questions.slice(0, questionCount);
  for (const question of asked.slice(0, 100)) library.ask(validateQuestion(question));
  const times: number[] = [];
  const started = performance.now();
  for (const question of asked) {
    const before = performance.now();
    library.ask(validateQuestion(question));
    times.push(performance.now() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    passages: library.passageCount,
    questions: asked.length,
    questionsPerSecond: asked.length / seconds,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
  };
}
