/** Markdown inline syntax to plain text: links keep their text, emphasis and code marks go, images go. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*_])/gu, "$2")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/`+([^`]+)`+/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, "$1");
}

const LINK = /\[[^\]]*\]\((https?:\/\/[^)\s]+)[^)]*\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/\S+)/;
const URL_LABEL = /^(?:url|link|permalink|canonical(?: url)?|lien|originally published(?: at| on| in)?)\s*:?\s*/i;

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
