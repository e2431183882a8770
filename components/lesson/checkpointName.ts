import type { Question } from "@/lib/lessons/schema";

/** The radio group's name for one checkpoint question: stable, so server and client markup agree. */
export const choiceName = (lesson: string, q: Question) => `checkpoint-${lesson}-${q.id}`;
