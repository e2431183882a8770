"use client";

import { useEffect, useRef } from "react";

/**
 * The lesson's two columns on wide screens, as tall as the window below where they start (the
 * site header), so each scrolls on its own. The height is a CSS variable with a close guess as
 * its fallback, so the server-rendered page barely moves when it is measured.
 */
export function LessonColumns({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty("--lesson-h", `${Math.max(420, window.innerHeight - top)}px`);
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return (
    <div
      ref={ref}
      className="mx-auto max-w-[120rem] px-4 sm:px-6 lg:grid lg:h-[var(--lesson-h,calc(100dvh-4rem))] lg:grid-cols-[minmax(0,4fr)_minmax(0,6fr)] lg:gap-6"
    >
      {children}
    </div>
  );
}
