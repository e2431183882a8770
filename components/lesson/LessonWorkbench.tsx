"use client";

import { useCallback, useEffect, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import { usePresenterSteps } from "@/components/ui/presenter/usePresenterSteps";
import { resetLesson } from "./courseProgress";
import { LabSlot, type LabControls } from "./LabSlot";
import { TasksPanel } from "./TasksPanel";
import { useTaskProgress } from "./useTaskProgress";

/** The lesson's working side: the tasks (ticked live from the lab's world) above the lab itself. */
export function LessonWorkbench({
  lesson,
  scenario,
  tasks,
  solution,
}: {
  lesson: string;
  scenario: string;
  tasks: readonly Task[];
  solution: readonly string[];
}) {
  const [live, setLive] = useState<Record<string, boolean>>({});
  const [justDone, setJustDone] = useState<string | null>(null);
  const [controls, setControls] = useState<LabControls | null>(null);
  const [wanted, setWanted] = useState(false);
  const [step, setStep] = useState(0);
  const done = useTaskProgress(lesson, tasks, live);

  const onChecks = useCallback((d: Record<string, boolean>, fresh: string | null) => {
    setLive(d);
    if (fresh) setJustDone(fresh);
  }, []);
  // "Show me" pressed before the lab had loaded: type the first line as soon as it is ready.
  const [pending, setPending] = useState(false);
  const onControls = useCallback((c: LabControls) => setControls(c), []);
  useEffect(() => {
    if (!pending || !controls) return;
    const line = solution[step];
    if (line !== undefined) controls.typeLine(line);
    setPending(false); // eslint-disable-line react-hooks/set-state-in-effect -- consumes a one-shot request
    setStep((n) => n + 1);
  }, [pending, controls, solution, step]);

  function showNext() {
    const line = solution[step];
    if (line === undefined) return;
    if (!controls) {
      setWanted(true);
      setPending(true);
      return;
    }
    controls.typeLine(line);
    setStep(step + 1);
  }
  // In presenter mode, → steps through the solution for the class.
  usePresenterSteps({ onNext: showNext });

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <TasksPanel
        tasks={tasks}
        done={done}
        justDone={justDone}
        solution={solution}
        step={step}
        onShowNext={showNext}
        onReset={() => {
          void resetLesson(lesson);
          controls?.reset();
          setStep(0);
        }}
      />
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
