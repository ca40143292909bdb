import { SourceList } from "../source-list.ts";
import type { Answer, AnswerBullet, Article } from "../types.ts";
import type { Candidate } from "./evidence-types.ts";
import type { FactGroup } from "./fact-groups.ts";

export const MAX_BULLETS = 5;

/**
 * Numbers each cited passage once, in order of first use, and turns fact groups into cited bullets. Each
 * source quotes the sentence of its passage that the bullet rests on (a passage cited by two bullets keeps
 * the first one's).
 */
export function composeAnswer(
  question: string,
  groups: readonly FactGroup[],
  article: (id: string) => Article,
): Answer {
  const sourceList = new SourceList();
  const cite = (member: Candidate): number =>
    sourceList.cite(article(member.articleId), member.passage, member.text);
  const bullets: AnswerBullet[] = groups.slice(0, MAX_BULLETS).map((group) => {
    const ordered = [group.lead, ...group.members.filter((member) => member !== group.lead)];
    const citations = [...new Set(ordered.map(cite))].sort((a, b) => a - b);
    return { text: group.lead.text.replace(/\s+/gu, " ").trim(), citations };
  });
  return { question, status: "answered", bullets, sources: sourceList.sources };
}
