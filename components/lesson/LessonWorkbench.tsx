"use client";

import { useCallback, useState, type ComponentProps } from "react";
import { clientOnly } from "@/components/ui/clientOnly";
import type { LessonSummary, Task } from "@/lib/lessons/schema";
import { usePresenterSteps } from "@/components/ui/presenter/usePresenterSteps";
import { resetLesson } from "./courseProgress";
import { LabSlot, type LabControls } from "./LabSlot";
import type { LessonComplete as LessonCompleteCard } from "./LessonComplete";
import { TasksPanel } from "./TasksPanel";
import { useCoach } from "./useCoach";
import { useTaskProgress } from "./useTaskProgress";

/** The lesson-complete card matters only once the lab runs, so it loads with the lab, not the page. */
const LessonComplete = clientOnly<ComponentProps<typeof LessonCompleteCard>>(() =>
  import("./LessonComplete").then((m) => m.LessonComplete),
);

/** The lesson's working side: the tasks (ticked live from the lab's world) above the lab itself. */
export function LessonWorkbench({
  lesson,
  scenario,
  tasks,
  solution,
  next,
}: {
  lesson: string;
  scenario: string;
  tasks: readonly Task[];
  solution: readonly string[];
  /** The next lesson, offered when every task is done. */
  next?: Pick<LessonSummary, "slug" | "title">;
}) {
  const [live, setLive] = useState<Record<string, boolean>>({});
  const [justDone, setJustDone] = useState<string | null>(null);
  const [controls, setControls] = useState<LabControls | null>(null);
  const [wanted, setWanted] = useState(false);
  const done = useTaskProgress(lesson, tasks, live);

  const onChecks = useCallback((d: Record<string, boolean>, fresh: string | null) => {
    setLive(d);
    if (fresh) setJustDone(fresh);
  }, []);
  const onControls = useCallback((c: LabControls) => setControls(c), []);
  const wantLab = useCallback(() => setWanted(true), []);
  const coach = useCoach({ scenario, tasks, solution, done, controls, wantLab });
  const showNext = coach.showNext;
  // In presenter mode, → steps through the solution for the class.
  usePresenterSteps({ onNext: showNext });

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <TasksPanel
        lesson={lesson}
        tasks={tasks}
        done={done}
        justDone={justDone}
        coach={coach.message}
        onShowNext={showNext}
        onReset={() => {
          void resetLesson(lesson);
          controls?.reset();
          coach.reset();
        }}
      />
      {controls && (
        <LessonComplete
          complete={tasks.length > 0 && tasks.every((t) => done[t.id])}
          live={Object.keys(live).length > 0}
          next={next}
        />
      )}
      <LabSlot
        scenario={scenario}
        tasks={tasks}
        wanted={wanted}
        onChecks={onChecks}
        onControls={onControls}
      />
    </div>
  );
}
