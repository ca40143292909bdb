/** SQuAD's answer normalization: lower case, no punctuation, no articles, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize("NFKC")
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\b(a|an|the|le|la|les|l|un|une|des|du|de)\b/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

export function containsAnswer(text: string, answers: readonly string[]): boolean {
  const haystack = ` ${normalizeAnswer(text)} `;
  return answers.some((answer) => {
    const needle = normalizeAnswer(answer);
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}

export function share(count: number, total: number): string {
  return total === 0 ? "n/a" : `${((100 * count) / total).toFixed(1)}%`;
}
