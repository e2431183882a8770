/**
 * Terminal input, fed to the shell in slices. Typing goes straight through; a long multi-line
 * paste is cut into lines and run a slice at a time, yielding to the browser between slices, so
 * no single task blocks the page for long however big the paste. The shell itself stays pure and
 * synchronous: only this component-side queue knows about tasks and time.
 */

/** Work per slice before yielding (well under the 200 ms a task may take). */
const SLICE_MS = 40;
/** Input shorter than this, or without a line break, is fed at once (typing stays instant). */
const SMALL = 512;

/** One line per piece, each keeping its line end ("\r\n", "\r" or "\n"); a last piece may lack one. */
export function splitPaste(data: string): string[] {
  return data.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export interface InputQueue {
  push(data: string): void;
  /** Pieces still waiting (for tests and the measurement script). */
  readonly pending: number;
  dispose(): void;
}

/** Posts a task without setTimeout's 4 ms clamp on nested timers. */
function makeYield(): (run: () => void) => void {
  if (typeof MessageChannel === "function") {
    const ch = new MessageChannel();
    let next: (() => void) | null = null;
    ch.port1.onmessage = () => {
      const r = next;
      next = null;
      r?.();
    };
    return (run) => {
      next = run;
      ch.port2.postMessage(0);
    };
  }
  return (run) => setTimeout(run, 0);
}

export function createInputQueue(
  feed: (data: string) => void,
  now: () => number = () => performance.now(),
): InputQueue {
  const pending: string[] = [];
  let head = 0;
  let scheduled = false;
  let disposed = false;
  const later = makeYield();

  const run = () => {
    scheduled = false;
    if (disposed) return;
    const start = now();
    while (head < pending.length) {
      feed(pending[head++]!);
      if (now() - start >= SLICE_MS) break;
    }
    if (head >= pending.length) {
      pending.length = 0;
      head = 0;
    } else schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    later(run);
  };

  return {
    push(data) {
      if (disposed) return;
      const idle = head >= pending.length;
      // Ctrl+C during a paste drops the rest of it, as an interrupted program would.
      if (!idle && data === "\x03") {
        pending.length = 0;
        head = 0;
        feed(data);
        return;
      }
      if (idle && (data.length < SMALL || !/[\r\n]/.test(data))) {
        feed(data);
        return;
      }
      for (const piece of splitPaste(data)) pending.push(piece);
      schedule();
    },
    get pending() {
      return pending.length - head;
    },
    dispose() {
      disposed = true;
      pending.length = 0;
      head = 0;
    },
  };
}
