"use client";

import { useCallback, useState } from "react";
import type { Task } from "@/lib/lessons/schema";
import type { World } from "@/lib/smtp";
import { useCourseProgress } from "@/lib/progress";
import { LabSlot, type LabControls } from "./LabSlot";
import { TasksPanel } from "./TasksPanel";
import { useTaskChecks } from "./useTaskChecks";

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
  const [world, setWorld] = useState<World | null>(null);
  const [controls, setControls] = useState<LabControls | null>(null);
  const [step, setStep] = useState(0);
  const { done, justDone } = useTaskChecks(lesson, tasks, world);
  const resetLesson = useCourseProgress((s) => s.resetLesson);

  // Tasks are checked only while the lab runs this lesson's scenario (the learner may load another).
  const onWorld = useCallback((w: World) => setWorld(w.scenario.id === scenario ? w : null), [scenario]);
  const onControls = useCallback((c: LabControls) => setControls(c), []);

  return (
    <div className="flex flex-col gap-4">
      <TasksPanel
        tasks={tasks}
        done={done}
        justDone={justDone}
        solution={solution}
        step={step}
        canShow={controls !== null}
        onShowNext={() => {
          const line = solution[step];
          if (line === undefined || !controls) return;
          controls.typeLine(line);
          setStep(step + 1);
        }}
        onReset={() => {
          resetLesson(lesson);
          controls?.reset();
          setStep(0);
        }}
      />
      <LabSlot scenario={scenario} onWorld={onWorld} onControls={onControls} />
    </div>
  );
}
