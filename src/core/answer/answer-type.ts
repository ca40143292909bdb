/** What kind of phrase answers the question, when its question word says so. */
export type AnswerType = "name" | "time" | "quantity";

const QUESTION_TYPES: Array<[RegExp, AnswerType]> = [
  [
    /^(?:how (?:many|much|long|old|far|big|large|tall|high)|hoeveel|hoe (?:lang|oud|ver|groot)|combien)\b/iu,
    "quantity",
  ],
  [
    /^(?:when|what (?:year|century|decade|month|day|date|time|period)|in (?:what|which) (?:year|century|decade|month|period)|during (?:what|which)|wanneer|in welk(?:e)? (?:jaar|eeuw|maand)|quand|en quelle (?:année|annee)|(?:à|a|en|depuis) quelle (?:époque|epoque|date|période|periode)|(?:en |à |a )?quel (?:siècle|siecle|jour|mois))\b/iu,
    "time",
  ],
  [/^(?:who|whom|whose|wie|qui)\b/iu, "name"],
  [/^(?:where|waar|où)\b/iu, "name"],
];

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const SEASONS =
  "spring|summer|autumn|fall|winter|lente|voorjaar|zomer|herfst|najaar|printemps|été|ete|automne|hiver";
const PERIODS =
  "century|centuries|decade|decades|era|millennium|dynasty|eeuw|eeuwen|decennium|jaren|siècle|siècles|siecle|décennie|decennie|époque|epoque|années|annees|millénaire";
const ORDINAL = "\\d{1,2}(?:st|nd|rd|th|e|er|ère|eme|ème|de|ste)?";
/** Word edges that also hold for accented letters, where `\\b` does not ("été", "février"). */
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";
const TIME = new RegExp(
  [
    // years, decades and eras: 1066, the early 1960s, '60s, 476 AD, 300 av. J.-C.
    `${BEFORE}(?:1[0-9]{3}|20[0-9]{2})s?${AFTER}`,
    "['’]\\d0s",
    `${BEFORE}\\d{1,4}\\s?(?:bc|ad|bce|ce|av\\.? j\\.-c\\.|apr\\.? j\\.-c\\.|v\\.chr\\.|n\\.chr\\.)${AFTER}`,
    `${BEFORE}(?:${MONTHS}|${SEASONS}|${PERIODS})${AFTER}`,
    // "16th century", "XVIe siècle", "19de eeuw"
    `${BEFORE}(?:${ORDINAL}|[ivxlc]+(?:e|er|ème)?)[\\s-](?:${PERIODS})${AFTER}`,
    `${BEFORE}\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}${AFTER}`,
    `${BEFORE}(?:today|yesterday|tomorrow|ago|annually|vandaag|gisteren|morgen|geleden|aujourd'hui|hier|demain)${AFTER}`,
  ].join("|"),
  "iu",
);
const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|half|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twintig|honderd|duizend|miljoen|miljard|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|trente|cent|mille|million|milliard|moitié|douzaine)s?\b/iu;
const CAPITALIZED = /(?<=\S\s)\p{Lu}[\p{L}\p{M}'’-]+/gu;

/** Only question words at the start count: "Where is …", "Wanneer opent …". */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const opening = question.trimStart().replace(/^[¿¡"“«]+/u, "");
  return QUESTION_TYPES.find(([pattern]) => pattern.test(opening))?.[1];
}

/**
 * Whether the sentence holds a phrase of the expected type that the question itself does not already contain:
 * a preference when ranking sentences, never a reason to drop one.
 */
export function holdsAnswerType(sentence: string, type: AnswerType, question: string): boolean {
  if (type === "time") return TIME.test(sentence);
  if (type === "quantity") return QUANTITY.test(sentence);
  const asked = question.toLocaleLowerCase();
  return (sentence.match(CAPITALIZED) ?? []).some((word) => !asked.includes(word.toLocaleLowerCase()));
}
