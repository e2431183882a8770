/** Progress ids shared by the server-side content and the client components (no dependencies). */

/** The single progress task a lesson without a lab records when every checkpoint answer is right. */
export const CHECKPOINT_TASK = "all-correct";

/** The task ids saved in progress for a lesson: its tasks, or the checkpoint's one. */
export function progressTaskIds(fm: {
  scenario?: string | undefined;
  tasks: readonly { id: string }[];
}): string[] {
  return fm.scenario ? fm.tasks.map((t) => t.id) : [CHECKPOINT_TASK];
}
