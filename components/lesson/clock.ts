/** The wall clock, read only in the browser when a learner completes something. */
export function nowIso(): string {
  return new Date().toISOString();
}
