import type { Transport } from "@/content/ports";

/** A typed port answer, read forgivingly: "25", " TCP/25 ", "25/tcp", "port 25 (TCP)", "tcp:25". */
export type ParsedPort =
  { ok: true; port: number; transports: Transport[] } | { ok: false; message: string };

const FILLER = new Set([
  "port",
  "ports",
  "on",
  "over",
  "and",
  "or",
  "&",
  "+",
  "-",
  "number",
  "no",
  "no.",
]);

export function parsePortAnswer(input: string): ParsedPort {
  const text = input
    .toLowerCase()
    .replace(/(\d)([a-z])/g, "$1 $2")
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/[()[\],:;/\\|]/g, " ")
    .trim();
  if (text === "") return { ok: false, message: "Type a port number, for example 25 or 25/tcp." };
  const numbers: number[] = [];
  const transports: Transport[] = [];
  for (const token of text.split(/\s+/)) {
    if (/^\d+$/.test(token)) numbers.push(Number(token));
    else if (token === "tcp" || token === "udp") {
      if (!transports.includes(token)) transports.push(token);
    } else if (!FILLER.has(token)) {
      return {
        ok: false,
        message: `"${token}" is not a port number or TCP/UDP. Try 25 or 25/tcp.`,
      };
    }
  }
  if (numbers.length === 0) return { ok: false, message: "Type a port number, for example 25." };
  if (numbers.length > 1) return { ok: false, message: "Give one port number for this question." };
  const port = numbers[0] as number;
  if (port < 1 || port > 65535) return { ok: false, message: "Port numbers run from 1 to 65535." };
  return { ok: true, port, transports };
}

export interface TypedVerdict {
  correct: boolean;
  /** One line for the learner: what was right or wrong about their answer. */
  note: string;
}

/** Checks a typed answer against the expected port; a transport, if given, must also be right. */
export function checkTypedPort(
  input: string,
  expected: { port: number; transports: readonly Transport[] },
): TypedVerdict | { invalid: string } {
  const parsed = parsePortAnswer(input);
  if (!parsed.ok) return { invalid: parsed.message };
  const want = `${expected.port}/${expected.transports.join(" and ")}`.toUpperCase();
  if (parsed.port !== expected.port) {
    return { correct: false, note: `You answered ${parsed.port}; the answer is ${want}.` };
  }
  const wrong = parsed.transports.filter((t) => !expected.transports.includes(t));
  if (wrong.length > 0) {
    return {
      correct: false,
      note: `Right number, wrong transport: it is ${want}, not ${wrong.join("/").toUpperCase()}.`,
    };
  }
  return { correct: true, note: `Correct: ${want}.` };
}
