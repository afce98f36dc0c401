/**
 * How deeply a JSON text nests, found by one pass over its characters
 * (no recursion), so text nested deeper than a reader allows is refused
 * before JSON.parse or a recursive walk can exhaust the stack.
 */

/** Records and settings are shallow; deeper than this is not data the app reads. */
export const MAX_JSON_DEPTH = 64;

/** The depth of the deepest `[` or `{`, stopping early once past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** A sentence for the user when `text` nests deeper than `limit`, else null. */
export function jsonDepthProblem(text: string, fileName: string, limit = MAX_JSON_DEPTH): string | null {
  return jsonDepth(text, limit) > limit
    ? `${fileName} nests its data more than ${limit} levels deep, which is not a shape Learning Themes reads. Save it as a flat list of records (or as CSV) and import it again.`
    : null;
}
