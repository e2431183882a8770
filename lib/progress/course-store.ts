/**
 * Course progress: which lesson tasks a learner has completed. Its schema uses zod/mini: this store
 * loads on the home page and every lesson, where full zod would be the largest script after React.
 */
import { array, nullable, object, record, string, type infer as Infer } from "zod/mini";
import { COURSE_KEY } from "./keys";
import { createPersistedStore } from "./persisted";

const lessonProgressSchema = object({
  /** Ids of the lesson's tasks the learner has completed. */
  tasksDone: array(string()),
  /** ISO time the last task was completed, when all are done. */
  completedAt: nullable(string()),
});

export const courseSchema = object({
  lessons: record(string(), lessonProgressSchema),
});

export type CourseProgress = Infer<typeof courseSchema>;

export const useCourseProgress = createPersistedStore(
  {
    key: COURSE_KEY,
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
