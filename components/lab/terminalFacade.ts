/**
 * The terminal before xterm.js has loaded. The lab's shell starts at once and prints its banner
 * and prompt; the page shows that text in plain DOM, and xterm (about 330 kB of code, plus
 * opening it and drawing its first frame: the largest start-up cost a lab page has) loads only
 * when the learner reaches for the terminal (focus, a click, a key) or something is printed in
 * it. Nothing typed meanwhile is lost: keys are kept as terminal input and fed to the shell once
 * xterm is open, after the output it missed.
 */

/** A run of text in one style: an ANSI colour (0-15, or null for the default) and weight. */
export interface Styled {
  text: string;
  colour: number | null;
  bold: boolean;
}

/**
 * What a fresh terminal would show after `output`, as styled runs: lines split at "\r\n", a lone
 * "\r" returning to the line's start (later text overwrites), SGR colours and bold kept, other
 * escape sequences dropped (the shell's cursor and erase sequences; before the learner has typed
 * there is nothing to erase).
 */
export function screenRuns(output: string): Styled[] {
  const lines = output.split(/\r?\n/).map((line) => {
    // Overwrite after a lone CR, counting only visible characters.
    const parts = line.split("\r");
    let shown = parts[0] ?? "";
    for (const part of parts.slice(1)) {
      const width = visible(part).length;
      shown = part + cutVisible(shown, width);
    }
    return shown;
  });
  const runs: Styled[] = [];
  let colour: number | null = null;
  let bold = false;
  const push = (text: string) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.colour === colour && last.bold === bold) last.text += text;
    else runs.push({ text, colour, bold });
  };
  const text = lines.join("\n");
  const re = /\x1b\[([0-9;?]*)([A-Za-z])/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[2] !== "m") continue;
    for (const code of (m[1] || "0").split(";").map(Number)) {
      if (code === 0) [colour, bold] = [null, false];
      else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code === 39) colour = null;
      else if (code >= 30 && code <= 37) colour = code - 30;
      else if (code >= 90 && code <= 97) colour = code - 90 + 8;
    }
  }
  push(text.slice(at));
  return runs;
}

/**
 * The runs cut into the terminal's rows, as xterm lays them out: a row per line, and a long line
 * continued on the next row after `cols` characters.
 */
export function screenRows(output: string, cols: number): Styled[][] {
  const width = Math.max(1, Math.floor(cols));
  const rows: Styled[][] = [[]];
  let used = 0;
  for (const run of screenRuns(output)) {
    const lines = run.text.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) {
        rows.push([]);
        used = 0;
      }
      let rest = line;
      while (rest) {
        if (used === width) {
          rows.push([]);
          used = 0;
        }
        const take = rest.slice(0, width - used);
        rows[rows.length - 1]!.push({ ...run, text: take });
        used += take.length;
        rest = rest.slice(take.length);
      }
    });
  }
  return rows;
}

const visible = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");

/** `s` without its first `n` visible characters (and the escape sequences among them). */
function cutVisible(s: string, n: number): string {
  let seen = 0;
  let i = 0;
  while (i < s.length && seen < n) {
    const m = /^\x1b\[[0-9;?]*[A-Za-z]/.exec(s.slice(i));
    if (m) i += m[0].length;
    else {
      i++;
      seen++;
    }
  }
  return s.slice(i);
}

/** The terminal input a key press stands for, as xterm would send it; null for keys it ignores. */
export function keyData(e: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): string | null {
  if (e.metaKey || e.altKey) return null;
  if (e.ctrlKey) {
    const k = e.key.toLowerCase();
    return k.length === 1 && k >= "a" && k <= "z"
      ? String.fromCharCode(k.charCodeAt(0) - 96)
      : null;
  }
  if (e.key.length === 1) return e.key;
  const named: Record<string, string> = {
    Enter: "\r",
    Backspace: "\x7f",
    ArrowUp: "\x1b[A",
    ArrowDown: "\x1b[B",
    ArrowRight: "\x1b[C",
    ArrowLeft: "\x1b[D",
    Home: "\x1b[H",
    End: "\x1b[F",
    Delete: "\x1b[3~",
  };
  return named[e.key] ?? null;
}

/** xterm's vertical scrollbar, which its fit addon leaves out of the columns (px). */
const SCROLLBAR_PX = 14;

/**
 * The columns xterm will fit into `widthPx` with cells `cellPx` wide, counted as its fit addon
 * counts them (the shell wraps what it prints at these; a mismatch would wrap the first screen
 * differently from the rest). 80, xterm's default, when the box has no size yet.
 */
export function estimateCols(widthPx: number, cellPx: number): number {
  if (!(widthPx > 0) || !(cellPx > 0)) return 80;
  return Math.max(2, Math.floor((widthPx - SCROLLBAR_PX) / cellPx));
}
