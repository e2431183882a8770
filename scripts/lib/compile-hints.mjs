// V8 explicit compile hints (Chrome 136+): a script whose first line is this magic comment has
// all its functions compiled eagerly, on a background thread while it streams in, instead of
// lazily on the main thread the first time each one runs. Turbopack chunks are module factories
// that all run during hydration, so the lazy path only moves their compile onto the main thread.
// Other engines read it as a comment.
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** The script with the hint as its first line; unchanged if it already has it. */
export function withCompileHint(source) {
  if (source.startsWith(COMPILE_HINT)) return source;
  return `${COMPILE_HINT}\n${source}`;
}

/**
 * A source map for a script that gained `lines` lines at its top: each `;` in `mappings` starts
 * a generated line, so leading `;`s shift every mapping down. Returns the text unchanged if it
 * is not a JSON source map with string mappings.
 */
export function shiftSourceMap(text, lines = 1) {
  let map;
  try {
    map = JSON.parse(text);
  } catch {
    return text;
  }
  if (!map || typeof map !== "object") return text;
  if (typeof map.mappings === "string") {
    map.mappings = ";".repeat(lines) + map.mappings;
  } else if (Array.isArray(map.sections)) {
    for (const s of map.sections) if (s?.offset) s.offset.line += lines;
  } else {
    return text;
  }
  return JSON.stringify(map);
}
