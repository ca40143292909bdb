import { interfaceLanguageOf } from "../i18n/interface-language.ts";
import type { Answer, LanguageCode } from "../types.ts";
import { expectedAnswerType } from "./answer-type.ts";
import { reportCandidates } from "./candidate-trace.ts";
import { chooseBullets } from "./choose-bullets.ts";
import { type CorpusView, collectCandidates } from "./collect-candidates.ts";
import { composeAnswer } from "./compose-answer.ts";
import type { AnswerTextTools, QueryToken, RetrievedPassage } from "./evidence-types.ts";
import { groupFacts, type PassageSimilarity } from "./fact-groups.ts";
import { type AbstentionSetting, checkMissingTerms } from "./missing-terms.ts";
import { type CorpusSummary, noEvidence } from "./no-evidence.ts";
import { weighQuery } from "./query-weights.ts";
import type { Question } from "./question.ts";
import { guessQuestionLanguage } from "./question-language.ts";

export interface AnswererCorpus extends CorpusView, CorpusSummary {}

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
  abstention?: AbstentionSetting | undefined;
}

const PASSAGES_TO_READ = 30;
/** The best sentence must hold at least this share of the question's weight, or we abstain. */
const MIN_COVERAGE = 0.4;

export function answerExtractively(question: Question, dependencies: AnswererDependencies): Answer {
  const { tools, corpus } = dependencies;
  const language = guessQuestionLanguage(question, corpus.languages, dependencies.detectLanguage);
  const speaking = interfaceLanguageOf(language);
  const query = weighQuery(tools.analyzeQuery(question, corpus.languages, language), tools, question);
  if (query.tokens.length === 0 || corpus.articleCount === 0)
    return noEvidence(question, query, tools, corpus, speaking);
  const retrieved = dependencies.retrieve(query.tokens, PASSAGES_TO_READ);
  const candidates = collectCandidates(retrieved, query, tools, corpus, question);
  reportCandidates(question, candidates, retrieved);
  const bestCoverage = Math.max(0, ...candidates.map((candidate) => candidate.coverage));
  if (bestCoverage < MIN_COVERAGE) return noEvidence(question, query, tools, corpus, speaking);
  const asksForAnswer = expectedAnswerType(question) !== undefined;
  const groups = groupFacts(candidates, query, tools, language, dependencies.similarity, asksForAnswer);
  const kept = chooseBullets(groups, candidates, query);
  if (kept.length === 0) return noEvidence(question, query, tools, corpus, speaking);
  const answer = composeAnswer(question, kept, (id) => corpus.article(id));
  return checkMissingTerms(answer, query, tools, corpus, dependencies.abstention, speaking);
}
