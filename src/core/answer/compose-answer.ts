import type { Answer, AnswerBullet, Article, Source } from "../types.ts";
import type { Candidate } from "./evidence-types.ts";
import type { FactGroup } from "./fact-groups.ts";

export const MAX_BULLETS = 5;

/** Numbers each cited passage once, in order of first use, and turns fact groups into cited bullets. */
export function composeAnswer(
  question: string,
  groups: readonly FactGroup[],
  article: (id: string) => Article,
): Answer {
  const sources: Source[] = [];
  const numberByPassage = new Map<string, number>();
  const cite = (member: Candidate): number => {
    const known = numberByPassage.get(member.passage.id);
    if (known !== undefined) return known;
    const meta = article(member.articleId);
    const n = sources.length + 1;
    sources.push({
      n,
      articleId: meta.id,
      title: meta.title,
      source: meta.source ?? null,
      url: meta.url ?? null,
      published: meta.published ?? null,
      language: meta.language,
      passageId: member.passage.id,
      passage: member.passage.text,
    });
    numberByPassage.set(member.passage.id, n);
    return n;
  };
  const bullets: AnswerBullet[] = groups.slice(0, MAX_BULLETS).map((group) => {
    const ordered = [group.lead, ...group.members.filter((member) => member !== group.lead)];
    const citations = [...new Set(ordered.map(cite))].sort((a, b) => a - b);
    return { text: group.lead.text.replace(/\s+/gu, " ").trim(), citations };
  });
  return { question, status: "answered", bullets, sources };
}
