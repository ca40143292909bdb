import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared/eval` beside the repository, or BRIEFBOT_EVAL_DIR. */
export function evalDataDirectory(): string {
  const directory =
    process.env.BRIEFBOT_EVAL_DIR ?? fileURLToPath(new URL("../../shared/eval", import.meta.url));
  if (!existsSync(directory)) {
    throw new Error(
      `Evaluation data not found at ${directory}; set BRIEFBOT_EVAL_DIR to the folder holding it.`,
    );
  }
  return directory;
}

export function evalFile(name: string): string {
  return join(evalDataDirectory(), name);
}
