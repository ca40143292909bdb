import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../../src/adapters/files/load-paths.ts";
import { BriefingError } from "../../../src/core/errors.ts";

const root = mkdtempSync(join(tmpdir(), "briefbot-load-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string | Uint8Array): string {
  const full = join(root, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, content);
  return full;
}

const ARTICLE =
  "Police sign deal\n\nThe police signed a deal with a vendor on Monday. It runs for three years.";
const PNG_HEADER = Uint8Array.of(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
);

write("corpus/one.txt", ARTICLE);
write(
  "corpus/nested/deeper/two.md",
  "# Vendor trains officers\n\nThe vendor will train officers in Singapore next year.",
);
write("corpus/nested/copy.txt", `${ARTICLE}\n`);
write(
  "corpus/feed.jsonl",
  `${JSON.stringify({ id: "j1", text: "A line article about the police." })}\n{broken\n`,
);
write("corpus/.hidden.txt", "Hidden file text that must not be read.");
write("corpus/.git/config.txt", "Dot folder text that must not be read.");
write("corpus/picture.png", PNG_HEADER);
write("corpus/notes.pdf", "not supported");
write("corpus/image.txt", PNG_HEADER);
write("corpus/empty.html", "");
write("corpus/big.txt", "Some words. ".repeat(200));

describe("loadPaths", () => {
  it("loads folders recursively, skipping dotfiles and unsupported files, and reports bad files", async () => {
    const progress: string[] = [];
    const result = await loadPaths([join(root, "corpus")], {
      maxFileBytes: 1000,
      onProgress: (done, total, path) => progress.push(`${done}/${total} ${path.slice(root.length + 8)}`),
    });
    expect(result.articles.map(({ article }) => article.title).sort()).toEqual([
      "A line article about the police.",
      "Police sign deal",
      "Vendor trains officers",
    ]);
    expect(result.duplicates).toBe(1);
    expect(
      result.problems.map((problem) => `${problem.code} ${problem.location?.slice(root.length + 8)}`),
    ).toEqual([
      "INPUT_TOO_LARGE big.txt",
      "EMPTY_INPUT empty.html",
      "MALFORMED_INPUT feed.jsonl:2",
      "BINARY_INPUT image.txt",
    ]);
    expect(progress).toEqual([
      "1/7 big.txt",
      "2/7 empty.html",
      "3/7 feed.jsonl",
      "4/7 image.txt",
      "5/7 nested/copy.txt",
      "6/7 nested/deeper/two.md",
      "7/7 one.txt",
    ]);
  });

  it("loads a single file given by path, even with an unsupported name it reports", async () => {
    const result = await loadPaths([join(root, "corpus/one.txt"), join(root, "corpus/notes.pdf")]);
    expect(result.articles).toHaveLength(1);
    expect(result.problems.map((problem) => problem.code)).toEqual(["UNSUPPORTED_FORMAT"]);
  });

  it("counts the same file given twice as a duplicate", async () => {
    const file = join(root, "corpus/one.txt");
    const result = await loadPaths([file, file]);
    expect([result.articles.length, result.duplicates]).toEqual([1, 1]);
  });

  it("throws NOT_FOUND for a path that does not exist", async () => {
    const missing = join(root, "nope");
    await expect(loadPaths([missing])).rejects.toSatisfy(
      (error) => error instanceof BriefingError && error.code === "NOT_FOUND" && error.location === missing,
    );
  });

  it("loads the seeds", async () => {
    const result = await loadPaths([new URL("../../../seeds", import.meta.url).pathname]);
    expect(result.articles.map(({ article }) => article.language)).toEqual(["nl", "en", "en", "en", "fr"]);
    expect(result.problems).toEqual([]);
  });
});
