/** The article-extraction benchmark's pages (../shared/eval/article-extraction), decompressed in memory. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

export interface ExtractionPage {
  key: string;
  url: string;
  html: string;
  /** The hand-checked article body. */
  truth: string;
}

/** ../shared/eval/article-extraction beside the repository, or article-extraction in BRIEFBOT_EVAL_DIR. */
export function extractionDataDirectory(): string {
  const root = process.env.BRIEFBOT_EVAL_DIR;
  return root === undefined
    ? fileURLToPath(new URL("../../shared/eval/article-extraction/", import.meta.url))
    : join(root, "article-extraction");
}

/** Every page, sorted by key; undefined when the folder is missing. */
export function loadExtractionPages(directory = extractionDataDirectory()): ExtractionPage[] | undefined {
  const truthFile = join(directory, "ground-truth.json");
  if (!existsSync(truthFile)) return undefined;
  const truth = JSON.parse(readFileSync(truthFile, "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((key) => {
      const entry = truth[key] as { articleBody: string; url: string };
      const html = gunzipSync(readFileSync(join(directory, "html", `${key}.html.gz`))).toString("utf8");
      return { key, url: entry.url, html, truth: entry.articleBody };
    });
}
