import { DEFAULT_SUMMARY_SENTENCES, type Summary, type SummarySentence } from "../../core/digest/index.ts";
import type { IngestedArticle } from "../../core/types.ts";
import type { ModelParts } from "../model/model-answering.ts";
import { callModel } from "../model/model-call.ts";
import { fallbackNote, UNCHECKED_SUMMARY_NOTE } from "../model/model-notes.ts";
import { writeSummaryWithModel } from "./topic-summary.ts";

export type CliSummary = Summary & { model?: string; note?: string };

function joined(sentences: readonly SummarySentence[]): string {
  return sentences
    .map((sentence) => `${sentence.text} ${sentence.citations.map((n) => `[${n}]`).join("")}`)
    .join(" ");
}

/** `briefbot summarize` with a model configured: its verified summary, else the extractive one with a note. */
export async function summaryWithModel(
  topic: string | undefined,
  articles: readonly IngestedArticle[],
  extractive: Summary,
  parts: ModelParts,
): Promise<CliSummary> {
  const answering = parts.modelAnswering;
  if (!answering || extractive.sentences.length === 0) return extractive;
  const outcome = await callModel(
    answering,
    { attempt: Number.POSITIVE_INFINITY },
    () => {},
    () =>
      writeSummaryWithModel(
        topic ?? "What the articles report",
        articles,
        extractive.sources,
        Math.max(extractive.sentences.length, DEFAULT_SUMMARY_SENTENCES),
        answering,
      ),
  );
  if (outcome.kind === "fallback") return { ...extractive, note: fallbackNote(outcome.reason) };
  if (!outcome.value) return { ...extractive, note: UNCHECKED_SUMMARY_NOTE };
  const { sentences, sources } = outcome.value;
  return { summary: joined(sentences), sentences, sources, model: answering.model.name };
}
