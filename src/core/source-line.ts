import { type Source, UNDETERMINED_LANGUAGE } from "./types.ts";

/** "[3]": how a citation of source 3 is marked on every surface; each platform escapes or links it. */
export function citationMarker(n: number): string {
  return `[${n}]`;
}

/** "[1][3]": the markers that follow a cited sentence. */
export function citationMarkers(numbers: readonly number[]): string {
  return numbers.map(citationMarker).join("");
}

/** "Rates were kept unchanged. [1][3]" */
export function citedSentence(text: string, citations: readonly number[]): string {
  return `${text} ${citationMarkers(citations)}`;
}

/** Sentences as one text, each followed by its citation markers. */
export function citedText(sentences: readonly { text: string; citations: readonly number[] }[]): string {
  return sentences.map((sentence) => citedSentence(sentence.text, sentence.citations)).join(" ");
}

/** The title a source is listed under: its article's, else the article id. */
export function sourceTitle(source: Source): string {
  return source.title || source.articleId;
}

/** "[3] Rates unchanged": a source named by its marker and title. */
export function sourceLabel(source: Source): string {
  return `${citationMarker(source.n)} ${sourceTitle(source)}`;
}

/** What a source line tells besides the title, in this order: outlet, date, language (when determined). */
export function sourceFacts(source: Source): string[] {
  return [
    source.source,
    source.published,
    source.language === UNDETERMINED_LANGUAGE ? null : source.language,
  ].filter((fact): fact is string => Boolean(fact));
}

/** The parts of a compact source line, each already escaped (and the title linked) by the platform. */
export interface SourceLineParts {
  marker: string;
  facts: readonly string[];
  title: string;
}

/** "[3] ZDNet 2014-10-02 en — Rates unchanged": one source in a digest's compact list. */
export function sourceLine({ marker, facts, title }: SourceLineParts): string {
  return [marker, ...facts, "—", title].join(" ");
}
