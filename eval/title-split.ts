/**
 * The sentence ranker's split: a Wikipedia title is held out of training when its FNV-1a hash is divisible by
 * 3, so about a third of the articles (all their paragraphs and questions) are never trained on.
 */
export function heldOutTitle(title: string): boolean {
  let hash = 0x811c9dc5;
  for (const character of title) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 3 === 0;
}
