"use client";

import { useEffect, useRef, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import { clientOnly } from "@/components/ui/clientOnly";
import { loadLab } from "@/components/lab/loadLab";
import type { LabSession } from "@/lib/shell/lab";

/** What the lesson needs from the lab: type a line as if the learner had, and start over. */
export interface LabControls {
  typeLine(line: string): void;
  reset(): void;
  /** The shell session (its host, open SMTP session and world), for the coach; null until ready. */
  session(): LabSession | null;
}

export interface LabSlotProps {
  scenario: string;
  tasks: readonly Task[];
  /** Which tasks the lab's world satisfies now, and a task that has just become satisfied. */
  onChecks: (done: Record<string, boolean>, justDone: string | null) => void;
  onControls: (controls: LabControls) => void;
}

const BOX = "h-[calc(100dvh-6rem)] min-h-[26rem] lg:h-full lg:min-h-0";

const LessonLab = clientOnly<LabSlotProps>(
  () => loadLab(() => import("./LessonLab")).then((m) => m.default),
  () => <Placeholder />,
);

function Placeholder({ onLoad }: { onLoad?: () => void }) {
  return (
    <div
      className={`${BOX} grid place-items-center rounded-xl border border-border bg-bg-soft p-6 text-center text-fg-muted`}
    >
      <div>
        <p className="font-mono text-sm">The lab loads when you reach it.</p>
        <noscript>
          <p className="mt-2 text-sm">
            The lab runs in your browser and needs JavaScript; the lesson text does not.
          </p>
        </noscript>
        {onLoad && (
          <button
            type="button"
            onClick={onLoad}
            className="mt-3 rounded-lg bg-accent px-4 py-2 font-semibold text-accent-fg"
          >
            Start the lab now
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Where the live lab goes. The engine, shell and terminal are a separate chunk fetched only when
 * the lab's box nears the viewport (or the learner asks for it, e.g. with "show me"), so the prose
 * stays the page's largest paint and the first load carries none of them. The box keeps its size
 * while loading so nothing shifts.
 */
export function LabSlot({ wanted, ...props }: LabSlotProps & { wanted: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "200px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  const show = near || wanted;
  return (
    <div ref={box} className="flex min-h-0 flex-1 flex-col">
      {show ? <LessonLab {...props} /> : <Placeholder onLoad={() => setNear(true)} />}
    </div>
  );
}
