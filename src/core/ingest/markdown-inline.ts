/** Inline spans longer than this are not markup: the bound keeps every pattern linear on hostile input. */
const SPAN = "{0,300}";

const IMAGE = new RegExp(String.raw`!\[[^\]]${SPAN}\](?:\([^)]${SPAN}\)|\[[^\]]${SPAN}\])`, "g");
const LINK_TARGET = String.raw`(?:[^()\s]|\([^()\s]{0,100}\))${SPAN}(?:\s+"[^"]${SPAN}")?`;
const LINK_TEXT = new RegExp(String.raw`\[([^\]]${SPAN})\](?:\(${LINK_TARGET}\)|\[[^\]]${SPAN}\])`, "g");
const STRONG = new RegExp(String.raw`(\*\*|__)(?=\S)(.${SPAN}?\S)\1`, "g");
const EMPHASIS = new RegExp(
  String.raw`(?<![\p{L}\p{N}*_])([*_])(?=\S)(.${SPAN}?\S)\1(?![\p{L}\p{N}*_])`,
  "gu",
);
const STRIKE = new RegExp(`~~(.${SPAN}?)~~`, "g");
const BACKTICKS = "`+";
const CODE = new RegExp(`${BACKTICKS}([^\u0060]${SPAN})${BACKTICKS}`, "g");
const AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/g;
const TAG = /<\/?[A-Za-z][^<>]{0,500}>/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>|~])/g;

/** Markdown inline syntax to plain text: links keep their text, emphasis and code marks go, images go. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(IMAGE, "")
    .replace(LINK_TEXT, "$1")
    .replace(AUTOLINK, "$1")
    .replace(TAG, "")
    .replace(STRONG, "$2")
    .replace(EMPHASIS, "$2")
    .replace(STRIKE, "$1")
    .replace(CODE, "$1")
    .replace(ESCAPE, "$1");
}

const LINK = /\[[^\]]*\]\((https?:\/\/[^)\s]+)[^)]*\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/\S+)/;
const URL_LABEL =
  /^(?:url|link|permalink|canonical(?: url)?|lien|originally published(?: at| on| in)?)\s*:?\s*/i;

/** The url of a line like `URL: <https://…>` or `Source: [Name](https://…)`: an explicit article link. */
export function labeledUrl(line: string): string | undefined {
  if (!URL_LABEL.test(line)) return undefined;
  return firstUrl(line.replace(URL_LABEL, ""));
}

/** The url of a heading that is itself one link, e.g. `# [Headline](https://…)`. */
export function headingLinkUrl(heading: string): string | undefined {
  const match = /^\[[^\]]+\]\((https?:\/\/[^)\s]+)(?:\s+"[^"]*")?\)$/.exec(heading.trim());
  return match?.[1];
}

function firstUrl(text: string): string | undefined {
  const match = LINK.exec(text);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}
