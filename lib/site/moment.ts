/**
 * A "moment" of a step-through demo: a scenario, how many of its demo steps have run, and the
 * lines typed at the terminal after them. It travels in a link, so an instructor can prepare it
 * and open it in class to the same state (the engine is deterministic: replaying gives the same
 * world). Encoding is compact and URL-safe; decoding validates everything and never throws.
 *
 *   /demo?scenario=isp-relay&step=4&typed=ZGlnIE1YIGNvcnAuZXhhbXBsZQ
 *
 * `typed` is the lines, each ended by "\n", as UTF-8, in base64url without padding (RFC 4648 §5).
 */
import { decodeBase64, encodeBase64 } from "@/lib/shell/base64";
import { hasControls } from "@/lib/shell/controls";

export interface Moment {
  scenario: string;
  /** Demo steps that have run: 0 (none yet) .. the demo's length. */
  step: number;
  /** Lines typed at the terminal after that step, in order (may include "" inside DATA). */
  typed: readonly string[];
}

/** What decoding needs to know about the scenarios that exist. */
export interface DemoCatalog {
  /** Scenario ids with the number of steps in each one's demo; the first is the default. */
  scenarios: readonly { id: string; steps: number }[];
}

export type DecodedMoment =
  | { ok: true; moment: Moment }
  /** The link was bad: `moment` is the plain scenario at step 0, `error` says why. */
  | { ok: false; moment: Moment; error: string };

export const MOMENT_PARAMS = { scenario: "scenario", step: "step", typed: "typed" } as const;

/** Limits that keep a link short enough to share and a replay quick. */
export const MAX_TYPED_LINES = 200;
export const MAX_LINE_LENGTH = 1000;

const toUrlSafe = (b64: string) => b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export function encodeTyped(lines: readonly string[]): string {
  return lines.length === 0 ? "" : toUrlSafe(encodeBase64(lines.map((l) => l + "\n").join("")));
}

export type DecodedTyped = { ok: true; lines: string[] } | { ok: false; error: string };

export function decodeTyped(text: string): DecodedTyped {
  if (text === "") return { ok: true, lines: [] };
  if (!/^[A-Za-z0-9_-]+$/.test(text))
    return { ok: false, error: "its typed commands are not in the link's alphabet" };
  const decoded = decodeBase64(text.replace(/-/g, "+").replace(/_/g, "/"));
  if (!decoded.ok || !decoded.text.endsWith("\n"))
    return { ok: false, error: "its typed commands do not decode" };
  const lines = decoded.text.slice(0, -1).split("\n");
  // Invalid UTF-8 decodes to U+FFFD, which a learner may also have typed; only bytes that encode
  // back to the same link were valid UTF-8 to begin with.
  if (encodeTyped(lines) !== text) return { ok: false, error: "its typed commands do not decode" };
  if (lines.length > MAX_TYPED_LINES)
    return { ok: false, error: `it carries more than ${MAX_TYPED_LINES} typed lines` };
  if (lines.some((l) => l.length > MAX_LINE_LENGTH))
    return { ok: false, error: `a typed line is longer than ${MAX_LINE_LENGTH} characters` };
  // Control characters other than tab (C0, DEL and C1) cannot be typed as part of a line.
  if (lines.some(hasControls)) return { ok: false, error: "a typed line holds control characters" };
  return { ok: true, lines };
}

/** The query string for a moment (without "?"), parameters in a fixed order. */
export function encodeMoment(m: Moment): string {
  const p = new URLSearchParams();
  p.set(MOMENT_PARAMS.scenario, m.scenario);
  if (m.step > 0) p.set(MOMENT_PARAMS.step, String(m.step));
  const typed = encodeTyped(m.typed);
  if (typed) p.set(MOMENT_PARAMS.typed, typed);
  return p.toString();
}

/** Reads a moment from a query string (or its params); a bad link falls back to step 0. */
export function decodeMoment(
  search: string | URLSearchParams,
  catalog: DemoCatalog,
): DecodedMoment {
  const p = typeof search === "string" ? new URLSearchParams(search) : search;
  const first = catalog.scenarios[0];
  if (!first) return { ok: false, moment: plain(""), error: "There are no scenarios to show." };

  const asked = p.get(MOMENT_PARAMS.scenario);
  const entry = asked === null ? first : catalog.scenarios.find((s) => s.id === asked);
  if (!entry)
    return bad(
      first.id,
      `There is no scenario called “${clip(asked ?? "")}”; showing ${first.id} from the start.`,
    );

  const stepText = p.get(MOMENT_PARAMS.step);
  let step = 0;
  if (stepText !== null) {
    step = /^\d{1,4}$/.test(stepText) ? Number(stepText) : NaN;
    if (!(step >= 0 && step <= entry.steps))
      return bad(
        entry.id,
        `This link asks for step “${clip(stepText)}”, but the ${entry.id} demo has steps 1 to ${entry.steps}; starting from the beginning.`,
      );
  }

  const typed = decodeTyped(p.get(MOMENT_PARAMS.typed) ?? "");
  if (!typed.ok)
    return bad(entry.id, `This link is damaged (${typed.error}); starting from the beginning.`);

  return { ok: true, moment: { scenario: entry.id, step, typed: typed.lines } };
}

function plain(scenario: string): Moment {
  return { scenario, step: 0, typed: [] };
}

function bad(scenario: string, error: string): DecodedMoment {
  return { ok: false, moment: plain(scenario), error };
}

/** Echoes a piece of the bad link back without letting it run on. */
function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + "…" : text;
}
