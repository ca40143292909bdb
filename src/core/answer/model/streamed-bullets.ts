/**
 * The bullets a model has finished writing, from its reply so far: the JSON text of each complete element of
 * the top-level object's "bullets" array (an element is complete when its closing brace arrives), in order.
 * A small scanner of the JSON: it tracks strings (with their escapes) and nesting, nothing more. Text before
 * the first `{` (a ```json fence, a sentence) is skipped, as the reply parser skips it.
 */
export function completedBullets(partialReply: string): string[] {
  const start = partialReply.indexOf("{");
  if (start < 0) return [];
  const bullets: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  /** The last string closed at depth 1: the key that names the value which follows. */
  let lastKey = "";
  /** Depth of the "bullets" array's brackets, once it has opened. */
  let bulletsDepth = -1;
  let elementStart = -1;
  for (let index = start; index < partialReply.length; index++) {
    const character = partialReply[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (character === "\\") escaped = true;
      else if (character === '"') {
        inString = false;
        if (depth === 1) lastKey = partialReply.slice(stringStart + 1, index);
      }
      continue;
    }
    switch (character) {
      case '"':
        inString = true;
        stringStart = index;
        break;
      case "{":
      case "[":
        depth += 1;
        if (character === "[" && depth === 2 && bulletsDepth < 0 && lastKey === "bullets")
          bulletsDepth = depth;
        else if (character === "{" && bulletsDepth > 0 && depth === bulletsDepth + 1) elementStart = index;
        break;
      case "}":
      case "]":
        if (character === "}" && bulletsDepth > 0 && depth === bulletsDepth + 1 && elementStart >= 0) {
          bullets.push(partialReply.slice(elementStart, index + 1));
          elementStart = -1;
        }
        if (character === "]" && depth === bulletsDepth) return bullets;
        depth -= 1;
        if (depth <= 0) return bullets;
        break;
    }
  }
  return bullets;
}
