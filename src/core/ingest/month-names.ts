/** Month names and common abbreviations (lower case, accents kept) in en, nl, fr, de, es, it, pt. */
const MONTHS: ReadonlyArray<readonly string[]> = [
  [
    "january",
    "jan",
    "januari",
    "janvier",
    "janv",
    "januar",
    "jänner",
    "enero",
    "ene",
    "gennaio",
    "gen",
    "janeiro",
  ],
  [
    "february",
    "feb",
    "februari",
    "février",
    "fevrier",
    "févr",
    "fevr",
    "februar",
    "febrero",
    "febbraio",
    "fevereiro",
    "fev",
  ],
  ["march", "mar", "maart", "mrt", "mars", "märz", "maerz", "marzo", "março", "marco"],
  ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
  ["may", "mei", "mai", "mayo", "maggio", "mag", "maio"],
  ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
  ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
  ["august", "aug", "augustus", "août", "aout", "agosto"],
  ["september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"],
  ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"],
  ["november", "nov", "novembre", "noviembre", "novembro"],
  [
    "december",
    "dec",
    "december",
    "décembre",
    "decembre",
    "déc",
    "dezember",
    "dez",
    "diciembre",
    "dic",
    "dicembre",
    "dezembro",
  ],
];

export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/** Regex alternation of all month names, longest first so "sept" wins over "sep". */
export const MONTH_PATTERN = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join("|");
