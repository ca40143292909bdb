import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { BriefingError } from "../../core/errors.ts";
import { isSupportedName } from "../../core/ingest/index.ts";

/**
 * The files to ingest: given files as they are, folders searched recursively for supported extensions,
 * skipping dotfiles and dot-folders, in sorted order. Throws BriefingError(NOT_FOUND) for a missing path.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  for (const path of paths) {
    const stats = await stat(path).catch((error: unknown) => {
      const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
      const message = missing ? `No such file or folder: ${path}` : `Cannot read ${path}: ${String(error)}`;
      throw new BriefingError("NOT_FOUND", message, {
        location: path,
        cause: error,
        userText: missing || undefined,
      });
    });
    if (stats.isDirectory()) await walk(path, files, visited);
    else files.push(path);
  }
  return files;
}

async function walk(folder: string, files: string[], visited: Set<string>): Promise<void> {
  const real = await realpath(folder);
  if (visited.has(real)) return;
  visited.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(path)));
    if (isDirectory) await walk(path, files, visited);
    else if (isSupportedName(entry.name)) files.push(path);
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
