import { MAX_TYPED_LINES, type Moment } from "@/lib/site/moment";
import { stripControls } from "@/lib/shell/controls";

/**
 * Where a step-through demo stands. `generation` names one fresh lab: it changes whenever the
 * demo must be rebuilt from a fresh world (back a step, restart, another scenario, or a step
 * forward after commands were typed), so every panel equals a fresh run to that moment.
 * Moving forward with nothing typed runs the next step in place (the world is deterministic,
 * so that gives the same state as a replay).
 */
export interface DemoState extends Moment {
  generation: number;
  /** A short note about the last move, shown to the presenter (null for none). */
  note: string | null;
}

export type DemoAction =
  | { type: "next" }
  | { type: "prev" }
  | { type: "restart" }
  | { type: "load"; scenario: string }
  | { type: "typed"; line: string };

export function initialDemoState(moment: Moment): DemoState {
  return { ...moment, typed: [...moment.typed], generation: 0, note: null };
}

/** `total` is the number of steps in the current scenario's demo. */
export function demoReducer(s: DemoState, a: DemoAction, total: number): DemoState {
  const rebuild = (m: Partial<DemoState>): DemoState => ({
    ...s,
    typed: [],
    note: null,
    ...m,
    generation: s.generation + 1,
  });
  switch (a.type) {
    case "next":
      if (s.step >= total) return { ...s, note: "That was the last step." };
      if (s.typed.length > 0)
        return rebuild({
          step: s.step + 1,
          note: `The typed commands were set aside: step ${s.step + 1} as scripted.`,
        });
      return { ...s, step: s.step + 1, note: null };
    case "prev":
      if (s.typed.length > 0)
        return rebuild({ note: `Back to step ${s.step} as scripted, without the typed commands.` });
      if (s.step === 0) return { ...s, note: "This is the start of the demo." };
      return rebuild({ step: s.step - 1 });
    case "restart":
      return rebuild({ step: 0 });
    case "load":
      return rebuild({ scenario: a.scenario, step: 0 });
    case "typed":
      if (s.typed.length >= MAX_TYPED_LINES)
        return {
          ...s,
          note: `Links keep the first ${MAX_TYPED_LINES} typed lines; later ones are not in the link.`,
        };
      // A link must never carry control characters (C0/C1) to whoever opens it.
      return { ...s, typed: [...s.typed, stripControls(a.line)] };
  }
}

/** "4/6: caption" for step 4 of 6; step 0 invites the presenter to begin. */
export function captionFor(
  step: number,
  steps: readonly { caption: string }[],
): { position: string; text: string } {
  const position = `${step}/${steps.length}`;
  if (step === 0) return { position, text: "Press → or “Next step” to run the first step." };
  return { position, text: steps[step - 1]?.caption ?? "" };
}
