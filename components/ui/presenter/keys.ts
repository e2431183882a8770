/** Keys typed into a field or the terminal belong to it, not to the presenter. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest("input, textarea, select, .xterm, [data-presenter-ignore]") !== null
  );
}

/** Space and Enter on a button or link activate it; the presenter leaves them alone there. */
export function activates(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.closest("button, a, summary, [role=button]") !== null
  );
}
