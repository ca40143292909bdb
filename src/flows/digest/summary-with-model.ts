import { DEFAULT_SUMMARY_SENTENCES, type Summary } from "../../core/digest/index.ts";
import { citedText } from "../../core/source-line.ts";
import type { IngestedArticle } from "../../core/types.ts";
import type { ModelAnswering } from "../model/model-answering.ts";
import { callModel } from "../model/model-call.ts";
import { fallbackNote, UNCHECKED_SUMMARY_NOTE } from "../model/model-notes.ts";
import { writeSummaryWithModel } from "./topic-summary.ts";

export type CliSummary = Summary & { model?: string; note?: string };

/** `briefbot summarize` with a model configured: its verified summary, else the extractive one with a note. */
export async function summaryWithModel(
  topic: string | undefined,
  articles: readonly IngestedArticle[],
  extractive: Summary,
  answering: ModelAnswering | undefined,
): Promise<CliSummary> {
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
  return { summary: citedText(sentences), sentences, sources, model: answering.model.name };
}
