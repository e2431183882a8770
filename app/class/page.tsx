import type { Metadata } from "next";
import { ClassQuiz } from "@/components/presenter/ClassQuiz";

export const metadata: Metadata = {
  title: "Class quiz",
  description:
    "Port-number questions for a whole class on a projector: one at a time, an optional countdown, reveal with the explanation. Nothing is saved.",
};

export default function ClassQuizRoute() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <h1 className="mb-4 text-3xl font-bold tracking-tight">Class quiz</h1>
      <ClassQuiz />
    </div>
  );
}
