export { type LoadOptions, type LoadResult, loadPaths } from "./load-paths.ts";
export { expandPaths } from "./walk.ts";
