export { MemoryArticleStore } from "./memory-article-store.ts";
export { MemoryConversationMemory } from "./memory-conversation-memory.ts";
export { MemoryDeliveryLog } from "./memory-delivery-log.ts";
export { MemoryFeedbackStore } from "./memory-feedback-store.ts";
export { MemoryQuestionQueue } from "./memory-question-queue.ts";
export { MemorySubscriptionStore } from "./memory-subscription-store.ts";
export { MemoryTokenBudget } from "./memory-token-budget.ts";
