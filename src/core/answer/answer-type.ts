/** What kind of phrase answers the question, when its question word says so. */
export type AnswerType = "name" | "time" | "quantity";

const QUESTION_TYPES: Array<[RegExp, AnswerType]> = [
  [/^(?:how (?:many|much|long|old|far)|hoeveel|hoe (?:lang|oud|ver)|combien)\b/iu, "quantity"],
  [/^(?:when|what year|in what year|wanneer|in welk jaar|quand|en quelle année)\b/iu, "time"],
  [/^(?:who|whom|whose|wie|qui)\b/iu, "name"],
  [/^(?:where|waar|où)\b/iu, "name"],
];

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const TIME = new RegExp(
  `\\b(?:1[0-9]{3}|20[0-9]{2})\\b|\\b(?:${MONTHS})\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b`,
  "iu",
);
const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|een|twee|drie|vier|vijf|tien|honderd|duizend|miljoen|miljard|deux|trois|quatre|cinq|dix|cent|mille|million|milliard)s?\b/iu;
const CAPITALIZED = /(?<=\S\s)\p{Lu}[\p{L}\p{M}'’-]+/gu;

/** Only question words at the start count: "Where is …", "Wanneer opent …". */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const opening = question.trimStart().replace(/^[¿¡"“«]+/u, "");
  return QUESTION_TYPES.find(([pattern]) => pattern.test(opening))?.[1];
}

/** Whether the sentence holds a phrase of the expected type that the question itself does not already contain. */
export function holdsAnswerType(sentence: string, type: AnswerType, question: string): boolean {
  if (type === "time") return TIME.test(sentence);
  if (type === "quantity") return QUANTITY.test(sentence);
  const asked = question.toLocaleLowerCase();
  return (sentence.match(CAPITALIZED) ?? []).some((word) => !asked.includes(word.toLocaleLowerCase()));
}
