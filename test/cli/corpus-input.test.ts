import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "briefbot-corpus-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("--corpus that is not what it claims", () => {
  it("exits 2 for a path that does not exist, naming it", async () => {
    const result = await runCli(["ask", "Who?", "--corpus", join(directory, "missing")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(directory, "missing"));
  });

  it("exits 2 when no file gave an article, listing every file's problem", async () => {
    const folder = join(directory, "unusable");
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await writeFile(join(folder, "binary.txt"), Uint8Array.from([0, 1, 2, 3, 0, 5]));
    await writeFile(join(folder, "empty.md"), "   \n");
    for (const command of [["ask", "What happened?"], ["search", "police"], ["digest"], ["summarize"]]) {
      const result = await runCli([...command, "--corpus", folder]);
      expect(result.code, command.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/holds no usable article/);
      expect(result.stderr).toContain("binary.txt");
      expect(result.stderr).toContain("empty.md");
      expect(result.stdout).toBe("");
    }
  });

  it("warns per file about bytes that are not UTF-8, and keeps what it could read", async () => {
    const file = join(directory, "notes.txt");
    const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
    await writeFile(
      file,
      Uint8Array.from([
        ...ascii("Trend Micro "),
        0xff,
        0xfe,
        0xc3,
        0x28,
        ...ascii(" will provide training to the police of many countries around the world."),
      ]),
    );
    const result = await runCli(["ask", "--json", "What will Trend Micro provide?", "--corpus", file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: not valid UTF-8.*notes\.txt/u);
    expect(result.stdout).not.toMatch(/[ÿþÃ]/u);
  });
});
