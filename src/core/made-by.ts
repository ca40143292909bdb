/** How an answer was made, under its bullets: the model that wrote it, and the note on a fallback. */
export function madeByLines(made: { model?: string | undefined; note?: string | undefined }): string[] {
  return [
    made.model
      ? `Written by ${made.model} from the passages below; every quote was checked against them.`
      : "",
    made.note ?? "",
  ].filter(Boolean);
}

/** Among a digest story's facts: who wrote its summary, when a model did. */
export function storySummaryBy(model: string | undefined): string {
  return model ? `summary by ${model}, quotes checked` : "";
}
