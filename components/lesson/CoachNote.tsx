/** What "show me" last did or said, beneath its button; read out politely to screen readers. */
export type CoachMessage = (
  | { kind: "typed"; line: string; task: string; why: string }
  | { kind: "byHand"; tasks: readonly string[]; next: string | null }
  | { kind: "done"; byHand: boolean }
  | { kind: "loading" }
) & {
  /** Which press of "show me" this answers (1, 2, ...). */
  n?: number;
};

const shown = (line: string) => (line === "" ? "(an empty line)" : line);

export function CoachNote({ id, message }: { id: string; message: CoachMessage | null }) {
  return (
    <div
      id={id}
      role="status"
      aria-live="polite"
      data-presses={message?.n ?? 0}
      // Empty, it takes no height (the lab below needs it); it stays in place as a live region.
      className={message ? "mt-2 text-sm text-fg-muted" : "text-sm text-fg-muted"}
    >
      {message?.kind === "loading" && <p>Starting the lab first…</p>}
      {message?.kind === "typed" && (
        <p data-coach="typed">
          Typed <code className="font-mono text-fg">{shown(message.line)}</code> for “{message.task}
          ”: {message.why}.
        </p>
      )}
      {message?.kind === "byHand" && (
        <p data-coach="by-hand">
          You did {message.tasks.map((t) => `“${t}”`).join(" and ")} yourself, so there is nothing
          to show for {message.tasks.length === 1 ? "it" : "them"}.
          {message.next !== null && (
            <>
              {" "}
              Press again to type the next step:{" "}
              <code className="font-mono text-fg">{shown(message.next)}</code>
            </>
          )}
        </p>
      )}
      {message?.kind === "done" && (
        <p data-coach="done">
          {message.byHand
            ? "You did every task yourself: there is nothing left to show."
            : "Every task is done: there is nothing left to show."}
        </p>
      )}
    </div>
  );
}
