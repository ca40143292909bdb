import type { Answer, Article, LanguageCode } from "../types.ts";
import { expectedAnswerType, holdsAnswerType } from "./answer-type.ts";
import { type CorpusView, collectCandidates } from "./collect-candidates.ts";
import { composeAnswer } from "./compose-answer.ts";
import type { AnswerTextTools, Candidate, QueryToken, RetrievedPassage } from "./evidence-types.ts";
import { type FactGroup, groupFacts, type PassageSimilarity } from "./fact-groups.ts";
import { type CorpusSummary, noEvidence } from "./no-evidence.ts";
import { weighQuery } from "./query-weights.ts";
import type { Question } from "./question.ts";
import { guessQuestionLanguage } from "./question-language.ts";

export interface AnswererCorpus extends CorpusView, CorpusSummary {
  article(id: string): Article;
}

export interface AnswererDependencies {
  tools: AnswerTextTools;
  corpus: AnswererCorpus;
  retrieve(tokens: readonly QueryToken[], limit: number): RetrievedPassage[];
  detectLanguage(text: string): LanguageCode;
  /**
   * Cosine similarity of two passages' vectors, when the library has vectors: lets sentences in different
   * languages that share a name or number group as one fact. Without it grouping is lexical only.
   */
  similarity?: PassageSimilarity | undefined;
}

const PASSAGES_TO_READ = 30;
/** The best sentence must hold at least this share of the question's weight, or we abstain. */
const MIN_COVERAGE = 0.4;
/** Bullets after the first must score at least this share of the first. */
const RELATIVE_FLOOR = 0.4;
/** A bullet matching less than this share of the best match needs a second article saying the same. */
const WEAK_MATCH = 0.6;

function distinctArticles(group: FactGroup): number {
  return new Set(group.members.map((member) => member.articleId)).size;
}

const TYPE_BONUS = 0.15;

/**
 * For "who / when / how many" questions, sentences holding a name, a date or a number rank higher, and
 * when some do, the others are dropped: they cannot answer the question as asked.
 */
function preferAnswerType(candidates: Candidate[], question: string): Candidate[] {
  const type = expectedAnswerType(question);
  if (!type) return candidates;
  const fitting = candidates.filter((candidate) => holdsAnswerType(candidate.text, type, question));
  if (fitting.length === 0) return candidates;
  return fitting.map((candidate) => ({ ...candidate, score: candidate.score + TYPE_BONUS }));
}

export function answerExtractively(question: Question, dependencies: AnswererDependencies): Answer {
  const { tools, corpus } = dependencies;
  const language = guessQuestionLanguage(question, corpus.languages, dependencies.detectLanguage);
  const query = weighQuery(tools.analyzeQuery(question, corpus.languages, language), tools, question);
  if (query.tokens.length === 0 || corpus.articleCount === 0)
    return noEvidence(question, query, tools, corpus);
  const retrieved = dependencies.retrieve(query.tokens, PASSAGES_TO_READ);
  const candidates = collectCandidates(retrieved, query, tools, corpus);
  const bestCoverage = Math.max(0, ...candidates.map((candidate) => candidate.coverage));
  if (bestCoverage < MIN_COVERAGE) return noEvidence(question, query, tools, corpus);
  const typed = preferAnswerType(candidates, question);
  const groups = groupFacts(typed, query, tools, language, dependencies.similarity);
  const top = groups[0]?.score ?? 0;
  const kept = groups.filter(
    (group) =>
      group.score >= RELATIVE_FLOOR * top &&
      (group.lead.coverage >= WEAK_MATCH * bestCoverage || distinctArticles(group) >= 2),
  );
  return composeAnswer(question, kept, (id) => corpus.article(id));
}
