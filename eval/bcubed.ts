export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * B-cubed scores (Bagga & Baldwin 1998; Amigó et al. 2009) of a clustering against gold labels: for each
 * item, the share of its cluster that shares its label (precision) and the share of its label's items that
 * share its cluster (recall), averaged over items.
 */
export function bcubed(clusters: readonly (readonly string[])[], labelOf: (item: string) => string): BCubed {
  const labelSizes = new Map<string, number>();
  for (const cluster of clusters) {
    for (const item of cluster) labelSizes.set(labelOf(item), (labelSizes.get(labelOf(item)) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  let items = 0;
  for (const cluster of clusters) {
    const perLabel = new Map<string, number>();
    for (const item of cluster) perLabel.set(labelOf(item), (perLabel.get(labelOf(item)) ?? 0) + 1);
    for (const [label, together] of perLabel) {
      precision += (together * together) / cluster.length;
      recall += (together * together) / (labelSizes.get(label) ?? together);
      items += together;
    }
  }
  if (items === 0) return { precision: 0, recall: 0, f1: 0 };
  precision /= items;
  recall /= items;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
