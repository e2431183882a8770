import type { Question } from "@/lib/lessons/schema";

/** Two checkpoint questions for the component tests. */
export const QUESTIONS: Question[] = [
  {
    id: "a",
    prompt: "SMTP between servers?",
    choices: [{ text: "TCP 25" }, { text: "TCP 465", why: "465 is for users submitting mail." }],
    answer: 0,
    explain: "Port 25.",
  },
  {
    id: "b",
    prompt: "Implicit TLS submission?",
    choices: [{ text: "587", why: "587 starts in plain text." }, { text: "465" }],
    answer: 1,
    explain: "RFC 8314.",
  },
];
