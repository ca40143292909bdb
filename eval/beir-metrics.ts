/** BEIR's measures, pytrec_eval style: gain = relevance grade, log2 discount, ideal ranking from the qrels. */
export function ndcgAt10(ranking: readonly string[], judged: ReadonlyMap<string, number>): number {
  const discounted = (grades: readonly number[]) =>
    grades.slice(0, 10).reduce((sum, grade, rank) => sum + grade / Math.log2(rank + 2), 0);
  const ideal = discounted([...judged.values()].filter((grade) => grade > 0).sort((a, b) => b - a));
  return ideal === 0 ? 0 : discounted(ranking.map((id) => judged.get(id) ?? 0)) / ideal;
}

export function recallAt100(ranking: readonly string[], judged: ReadonlyMap<string, number>): number {
  const relevant = [...judged].filter(([, grade]) => grade > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, 100));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}
