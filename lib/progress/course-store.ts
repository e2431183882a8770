/** Course progress: which lesson tasks a learner has completed. */
import { z } from "zod";
import { createPersistedStore } from "./persisted";

const lessonProgressSchema = z.object({
  /** Ids of the lesson's tasks the learner has completed. */
  tasksDone: z.array(z.string()),
  /** ISO time the last task was completed, when all are done. */
  completedAt: z.string().nullable(),
});

export const courseSchema = z.object({
  lessons: z.record(z.string(), lessonProgressSchema),
});

export type CourseProgress = z.infer<typeof courseSchema>;

export const useCourseProgress = createPersistedStore(
  {
    key: "relay-lab:course",
    version: 1,
    schema: courseSchema,
    initial: (): CourseProgress => ({ lessons: {} }),
  },
  (set) => ({
    /** Marks a task done; when `allTaskIds` are then all done, the lesson is complete. */
    completeTask(lesson: string, task: string, allTaskIds: readonly string[], at: string) {
      set((s) => {
        const prev = s.lessons[lesson] ?? { tasksDone: [], completedAt: null };
        if (prev.tasksDone.includes(task)) return {};
        const tasksDone = [...prev.tasksDone, task];
        const complete = allTaskIds.every((id) => tasksDone.includes(id));
        return {
          lessons: { ...s.lessons, [lesson]: { tasksDone, completedAt: complete ? at : null } },
        };
      });
    },
    resetLesson(lesson: string) {
      set((s) => {
        const lessons = { ...s.lessons };
        delete lessons[lesson];
        return { lessons };
      });
    },
  }),
);
