/**
 * Control characters in one line of input (a typed line, a moment link's line): C0 except TAB,
 * DEL and C1. A module of its own, so pages that only check lines (/demo's first load) do not
 * carry the terminal's other helpers.
 */
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;

/** The line without its control characters: what is left can be echoed and stored safely. */
export function stripControls(line: string): string {
  return line.replace(CONTROLS, "");
}

/** Whether the line holds a control character. */
export function hasControls(line: string): boolean {
  return stripControls(line) !== line;
}
