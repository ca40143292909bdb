export {
  ANSWER_PLACEHOLDERS,
  answerLanguageName,
  answerRequest,
  attributeValue,
  defuseText,
  fillTemplate,
  PROMPT_PLACEHOLDERS,
  type PromptTemplates,
  renderPassages,
  STORY_PLACEHOLDERS,
  templatePlaceholders,
} from "./answer-prompt.ts";
export {
  bulletSupport,
  CROSS_LANGUAGE_SHARE,
  claimOf,
  evidenceOf,
  SAME_LANGUAGE_SHARE,
  type SupportVerdict,
  supportOf,
  type VerifiablePassage,
} from "./bullet-support.ts";
export { composeModelAnswer, MAX_MODEL_BULLETS } from "./compose-model-answer.ts";
export { hasMentionSyntax, stripMentions } from "./mentions.ts";
export {
  MODEL_ANSWER_FORMAT,
  type ModelAnswer,
  modelAnswerSchema,
  type ProposedBullet,
  type ProposedCitation,
  parseModelAnswer,
} from "./model-answer-schema.ts";
export {
  answerWithModel,
  type ModelAnswerInput,
  type ModelAnswerOptions,
  type ModelAnswerReport,
  type ModelAnswerResult,
  type ModelProgress,
  UNCHECKED_NOTE,
} from "./model-answerer.ts";
export {
  estimateTokens,
  MAX_MODEL_PASSAGES,
  type ModelPassage,
  selectModelPassages,
} from "./model-passages.ts";
export { findQuote, normalizeForQuote, quoteKey } from "./quote-match.ts";
export {
  cleanBulletText,
  type DroppedBullet,
  type DropReason,
  type VerificationResult,
  type VerificationTools,
  type VerifiedBullet,
  type VerifiedCitation,
  verificationTools,
  verifyBullets,
} from "./verify-bullets.ts";
