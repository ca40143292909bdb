import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The long-running processes, exactly as the container starts them (Dockerfile CMD, compose.yaml `command`,
 * relative to the image's WORKDIR) and as the end-to-end tests and benches spawn them (`serviceArgs`, with the
 * entry point's absolute path, after `process.execPath`). test/ops/container-recipe.test.ts holds the
 * container recipe to these.
 */
export const SERVICE_ENTRY = "bin/briefbot.js";

export type ServiceRole = "serve" | "worker";

/** The container's command for a role: `node bin/briefbot.js <role>`. */
export function serviceCommand(role: ServiceRole): string[] {
  return ["node", SERVICE_ENTRY, role];
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The same command for `spawn(process.execPath, serviceArgs(role))` from anywhere in the checkout. */
export function serviceArgs(role: ServiceRole): string[] {
  const [, entry = SERVICE_ENTRY, ...rest] = serviceCommand(role);
  return [join(ROOT, entry), ...rest];
}
