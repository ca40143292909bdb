import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { Library } from "../src/core/library.ts";
import { evalFile } from "./eval-data.ts";

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  expect: z.enum(["answered", "no_evidence"]),
  facts: z.array(z.array(z.string())),
});

export interface SeedQuestionResult {
  id: string;
  passed: boolean;
  detail: string;
}

/** The shared seed questions: expected status, and each fact (any of its words) present in some bullet. */
export async function evaluateSeedQuestions(): Promise<SeedQuestionResult[]> {
  const library = new Library();
  library.add((await loadPaths([fileURLToPath(new URL("../seeds", import.meta.url))])).articles);
  const lines = readFileSync(evalFile("seed-questions.dev.jsonl"), "utf8").split("\n").filter(Boolean);
  return lines.map((line) => {
    const item = questionSchema.parse(JSON.parse(line));
    const answer = library.ask(validateQuestion(item.question));
    const text = answer.bullets.map((bullet) => bullet.text.toLowerCase()).join("\n");
    const missing = item.facts.filter(
      (alternatives) => !alternatives.some((word) => text.includes(word.toLowerCase())),
    );
    const passed = answer.status === item.expect && missing.length === 0;
    const detail =
      answer.status !== item.expect
        ? `status ${answer.status}, expected ${item.expect}`
        : missing.length > 0
          ? `missing ${missing.map((fact) => fact.join("/")).join(", ")}`
          : `${answer.bullets.length} bullets, ${answer.sources.length} sources`;
    return { id: item.id, passed, detail };
  });
}
