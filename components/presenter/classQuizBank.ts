// The class quiz's question bank and labels, loaded when a quiz starts: the setup screen (the
// page's first load) then carries no port data or question builder.
export { buildQuestions } from "@/lib/quiz/session";
export { correctLabel, KIND_LABELS } from "@/lib/quiz/questions";
