/**
 * Two kinds of task. An achievement (a message delivered, a 554 received) stays done once it
 * happened. A state task describes how the world is now (the relay is closed): it is re-checked
 * live, and unticks when a later change undoes it. Dependency-free, so the task list can use it
 * without loading the engine.
 */
import type { TaskCheck } from "./schema";

export type TaskKind = "achievement" | "state";

export function taskKind(check: TaskCheck): TaskKind {
  return check.kind === "relayClosed" ||
    check.kind === "postconf" ||
    check.kind === "dnsRecord" ||
    check.kind === "dkimKey"
    ? "state"
    : "achievement";
}
