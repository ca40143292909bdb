import { fileURLToPath } from "node:url";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { Library } from "../../src/core/library.ts";

export const SEEDS_DIRECTORY = fileURLToPath(new URL("../../seeds", import.meta.url));

let cached: Promise<Library> | undefined;

/**
 * The seed corpus, loaded through the real file loader once per worker (the unit files share their modules):
 * read it, never change it.
 */
export function seedLibrary(): Promise<Library> {
  cached ??= loadPaths([SEEDS_DIRECTORY]).then((loaded) => {
    const library = new Library();
    library.add(loaded.articles);
    return library;
  });
  return cached;
}
