/**
 * Calls `load` once, when `el` comes within `margin` of the screen (inside any scrolling
 * ancestor too) or the learner reaches into it by pointer, keyboard focus or a key. Returns a
 * function that stops watching. For code that a server-rendered part needs only once it is used.
 */
export function onNearOrUsed(el: Element, load: () => void, margin = "400px"): () => void {
  let done = false;
  const io =
    typeof IntersectionObserver === "undefined"
      ? null
      : new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) fire();
          },
          { rootMargin: margin },
        );
  const events = ["pointerdown", "focusin", "keydown"] as const;
  function stop() {
    io?.disconnect();
    for (const type of events) el.removeEventListener(type, fire);
  }
  function fire() {
    if (done) return;
    done = true;
    stop();
    load();
  }
  io?.observe(el);
  for (const type of events) el.addEventListener(type, fire);
  // Without IntersectionObserver, load at once rather than never.
  if (!io) fire();
  return stop;
}
