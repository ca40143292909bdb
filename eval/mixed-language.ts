/**
 * Query language in a mixed corpus: SQuAD part 1 (English) and PIAF (French) paragraphs in one library, each
 * question asked of both. For English questions, the share of the top-10 passage slots taken by French
 * passages; for both languages, the gold paragraph's passage in the top 1 / top 5 passages (what the answerer
 * reads) and among the top 1 / top 5 articles (`search`), with and without weighing each language's analysis
 * of the question by how likely the question is in it. Run: node eval/mixed-language.ts
 */
import { fileURLToPath } from "node:url";
import { Library } from "../src/core/library.ts";
import { evalFile } from "./eval-data.ts";
import { paragraphArticles } from "./qa.ts";
import { share } from "./qa-metrics.ts";
import { type QaQuestion, readSquadFormat } from "./squad-format.ts";

export interface MixedLanguageRow {
  setting: string;
  englishTop10French: number;
  english: GoldShares;
  french: GoldShares;
}

interface GoldShares {
  questions: number;
  passageTop1: number;
  passageTop5: number;
  articleTop1: number;
  articleTop5: number;
}

function gold(library: Library, questions: readonly QaQuestion[]): GoldShares {
  const counts = {
    questions: questions.length,
    passageTop1: 0,
    passageTop5: 0,
    articleTop1: 0,
    articleTop5: 0,
  };
  for (const question of questions) {
    const passages = library.search(question.question, 5).map((hit) => hit.articleId);
    const articles = library.searchArticles(question.question, 5).map((hit) => hit.articleId);
    if (passages[0] === question.paragraphId) counts.passageTop1++;
    if (passages.includes(question.paragraphId)) counts.passageTop5++;
    if (articles[0] === question.paragraphId) counts.articleTop1++;
    if (articles.includes(question.paragraphId)) counts.articleTop5++;
  }
  return counts;
}

/** Both sets number their paragraphs p0-0, p0-1, …: a prefix keeps them apart in one corpus. */
function prefixed(
  data: ReturnType<typeof readSquadFormat>,
  prefix: string,
): ReturnType<typeof readSquadFormat> {
  return {
    paragraphs: data.paragraphs.map((paragraph) => ({ ...paragraph, id: `${prefix}-${paragraph.id}` })),
    questions: data.questions.map((question) => ({
      ...question,
      paragraphId: `${prefix}-${question.paragraphId}`,
    })),
  };
}

export function evaluateMixedLanguage(): MixedLanguageRow[] {
  const squad = prefixed(readSquadFormat(evalFile("squad-v1.1-dev-part1.json")), "en");
  const piaf = prefixed(readSquadFormat(evalFile("piaf-v1.0.json")), "fr");
  const articles = [
    ...paragraphArticles(squad.paragraphs, "en"),
    ...paragraphArticles(piaf.paragraphs, "fr"),
  ];
  const french = new Set(piaf.paragraphs.map((paragraph) => paragraph.id));
  return [false, true].map((weighQueryLanguages) => {
    const library = new Library({ weighQueryLanguages });
    library.add(articles);
    let slots = 0;
    let frenchSlots = 0;
    for (const question of squad.questions) {
      for (const hit of library.search(question.question, 10)) {
        slots++;
        if (french.has(hit.articleId)) frenchSlots++;
      }
    }
    return {
      setting: weighQueryLanguages ? "weighed by query language" : "every language at full weight",
      englishTop10French: slots === 0 ? 0 : frenchSlots / slots,
      english: gold(library, squad.questions),
      french: gold(library, piaf.questions),
    };
  });
}

export function printMixedLanguageEvaluation(): void {
  console.log(
    "\n== Query language: SQuAD part 1 (English) + PIAF (French) paragraphs in one corpus, all questions",
  );
  console.log(
    "setting                          EN top-10 FR  EN psg top1/top5  EN art top1/top5  FR psg top1/top5  FR art top1/top5",
  );
  for (const row of evaluateMixedLanguage()) {
    const pair = (a: number, b: number, n: number) => `${share(a, n)} / ${share(b, n)}`.padStart(17);
    const { english: en, french: fr } = row;
    console.log(
      [
        row.setting.padEnd(32),
        `${(100 * row.englishTop10French).toFixed(1)}%`.padStart(12),
        pair(en.passageTop1, en.passageTop5, en.questions),
        pair(en.articleTop1, en.articleTop5, en.questions),
        pair(fr.passageTop1, fr.passageTop5, fr.questions),
        pair(fr.articleTop1, fr.articleTop5, fr.questions),
      ].join(" "),
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printMixedLanguageEvaluation();
