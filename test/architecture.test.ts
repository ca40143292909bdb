import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The architecture checks (`npm run lint:architecture` and Biome's noRestrictedImports overrides) must fail on
// a layer violation and on a cycle. They run here on a small tree in a temporary directory, with the
// repository's own biome.json and .dependency-cruiser.cjs, so that no stray file lands in src/ (other test
// runs and editors share it) and the checks of the real tree stay where they are: in scripts/test.sh.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");
const BIOME = join(ROOT, "node_modules/@biomejs/biome/bin/biome");

const FILES: Record<string, string> = {
  // Stand-ins for the real modules the violations reach for.
  "src/config.ts": "export const settings = { redisUrl: 'redis://127.0.0.1' };\n",
  "src/app.ts": "export const app = 'app';\n",
  "src/store/redis-article-store.ts": "export const articleStore = 'store';\n",
  // Violations.
  "src/core/__violation__.ts": [
    'import type { Redis } from "ioredis";',
    'import { readFile } from "node:fs/promises";',
    'import { settings } from "../config.ts";',
    "export const violation: [Redis | undefined, unknown, unknown] = [undefined, readFile, settings];",
    "",
  ].join("\n"),
  "src/flows/__violation__.ts": [
    'import { articleStore } from "../store/redis-article-store.ts";',
    "export const violation = articleStore;",
    "",
  ].join("\n"),
  "src/adapters/__violation__.ts": [
    'import { Queue } from "bullmq";',
    'import { app } from "../app.ts";',
    "export const violation = [Queue, app];",
    "",
  ].join("\n"),
  "src/llm/__violation__.ts": [
    'import { settings } from "../config.ts";',
    "export const violation = settings;",
    "",
  ].join("\n"),
  // A two-file cycle; one side is type-only, which counts too.
  "src/core/__cycle_a__.ts": [
    'import { b } from "./__cycle_b__.ts";',
    "export type A = { next?: unknown };",
    "export const a = () => b;",
    "",
  ].join("\n"),
  "src/core/__cycle_b__.ts": [
    'import type { A } from "./__cycle_a__.ts";',
    "export const b: A = {};",
    "",
  ].join("\n"),
  // A clean slice: core with a pure library, a flow over core.
  "src/core/clean.ts": [
    'import { z } from "zod";',
    'import { helper } from "./clean-helper.ts";',
    "export const Clean = z.object({ name: z.string() });",
    "export const clean = helper;",
    "",
  ].join("\n"),
  "src/core/clean-helper.ts": "export const helper = 1;\n",
  "src/flows/clean.ts": [
    'import { clean } from "../core/clean.ts";',
    "export const flow = clean + 1;",
    "",
  ].join("\n"),
};
const CLEAN = ["src/core/clean.ts", "src/core/clean-helper.ts", "src/flows/clean.ts"];

interface Run {
  code: number;
  output: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [command, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

const depcruise = (cwd: string, targets: readonly string[]) =>
  run(
    DEPCRUISE,
    [...targets, "--config", join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "err"],
    cwd,
  );
const biomeLint = (cwd: string, targets: readonly string[]) =>
  run(BIOME, ["lint", "--colors=off", "--max-diagnostics=100", ...targets], cwd);

describe("architecture checks", () => {
  let tree = "";

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), "briefbot-architecture-"));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    copyFileSync(join(ROOT, "biome.json"), join(tree, "biome.json"));
    copyFileSync(join(ROOT, "package.json"), join(tree, "package.json"));
    symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
  });

  afterAll(() => {
    if (tree !== "") rmSync(tree, { recursive: true, force: true });
  });

  it("dependency-cruiser reports each layer violation and the cycle, and passes a clean slice", async () => {
    const [bad, good] = await Promise.all([depcruise(tree, ["src"]), depcruise(tree, CLEAN)]);

    expect(bad.code).not.toBe(0);
    const expected = [
      /core-flows-pure-packages: src\/core\/__violation__\.ts → \S*node_modules\/ioredis\//,
      /core-flows-no-io-builtins: src\/core\/__violation__\.ts → fs\/promises/,
      /core-stays-in-core: src\/core\/__violation__\.ts → src\/config\.ts/,
      /flows-only-core: src\/flows\/__violation__\.ts → src\/store\/redis-article-store\.ts/,
      /outer-layers-not-to-app-or-cli: src\/adapters\/__violation__\.ts → src\/app\.ts/,
      /bullmq-only-in-queue: src\/adapters\/__violation__\.ts → \S*node_modules\/bullmq\//,
      /llm-not-to-config: src\/llm\/__violation__\.ts → src\/config\.ts/,
      /no-circular: src\/core\/__cycle_(a|b)__\.ts →\s*\n\s*src\/core\/__cycle_(a|b)__\.ts/,
    ];
    for (const pattern of expected) expect(bad.output).toMatch(pattern);
    expect(bad.output).not.toMatch(/clean/);

    expect(good.output).toContain("no dependency violations found");
    expect(good.code).toBe(0);
  });

  it("Biome's noRestrictedImports flags the same imports by their specifiers, and passes a clean slice", async () => {
    const [bad, good] = await Promise.all([biomeLint(tree, ["src"]), biomeLint(tree, CLEAN)]);

    expect(bad.code).not.toBe(0);
    const expected: [string, string][] = [
      ["src/core/__violation__.ts:1", "src/core is pure: no ioredis"],
      ["src/core/__violation__.ts:2", "src/core does no I/O"],
      ["src/core/__violation__.ts:3", "src/core is pure domain and owns the ports"],
      ["src/flows/__violation__.ts:1", "src/flows are use cases over ports"],
      ["src/adapters/__violation__.ts:1", "Only src/queue talks to BullMQ."],
      ["src/adapters/__violation__.ts:2", "they never import src/app.ts"],
      ["src/llm/__violation__.ts:1", "src/llm takes plain option objects"],
    ];
    const diagnostics = bad.output.split(/\n(?=\S+\.ts:\d+:\d+ )/);
    for (const [where, message] of expected) {
      const found = diagnostics.some(
        (d) =>
          d.startsWith(`${where}:`) && d.includes("lint/style/noRestrictedImports") && d.includes(message),
      );
      expect(found, `${where}: ${message}\n${bad.output}`).toBe(true);
    }

    expect(good.output).not.toContain("noRestrictedImports");
    expect(good.code).toBe(0);
  });
});
