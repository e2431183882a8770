"use client";

import { useState, type DragEvent, type ReactNode } from "react";
import {
  buildMatch,
  createRng,
  gradeMatch,
  gradeNetwork,
  NETWORK_LINKS,
  NETWORK_NODES,
  NETWORK_OPTIONS,
  type Choice,
  type MatchGrade,
  type NetworkGrade,
  type Rng,
} from "@/lib/quiz";
import { dmarcQuestion, gradeDmarc } from "@/lib/quiz/pbq-dmarc";
import { transcriptQuestion } from "@/lib/quiz/pbq-transcript";
import { useQuizProgress } from "@/lib/progress/quiz-store";
import { FirewallMode } from "./FirewallMode";
import { ChoiceList } from "./ChoiceList";
import { BUTTON } from "./bits";

const KINDS = [
  { id: "firewall", label: "Mail-server firewall" },
  { id: "match", label: "Match ports" },
  { id: "network", label: "Secure the network" },
  { id: "transcript", label: "Read a transcript" },
  { id: "dmarc", label: "Does DMARC pass?" },
] as const;
type Kind = (typeof KINDS)[number]["id"];

/** Performance-based questions: five kinds, each usable by keyboard and screen reader. */
export function PbqMode() {
  const [kind, setKind] = useState<Kind>("firewall");
  return (
    <div>
      <div role="group" aria-label="Kind of PBQ" className="mb-5 flex flex-wrap gap-2">
        {KINDS.map((k) => (
          <button
            key={k.id}
            type="button"
            aria-pressed={kind === k.id}
            onClick={() => setKind(k.id)}
            className="h-11 rounded-full border-2 border-border px-4 font-semibold aria-pressed:border-accent aria-pressed:bg-bg-soft"
          >
            {k.label}
          </button>
        ))}
      </div>
      {kind === "firewall" && <FirewallMode />}
      {kind === "match" && <MatchPbqView />}
      {kind === "network" && <NetworkPbqView />}
      {kind === "transcript" && <TranscriptPbqView />}
      {kind === "dmarc" && <DmarcPbqView />}
    </div>
  );
}

function Verdict({ correct, total }: { correct: number; total: number }) {
  return (
    <p
      data-pbq-score={`${correct}/${total}`}
      className={`text-lg font-bold ${correct === total ? "text-ok" : "text-bad"}`}
    >
      {correct} of {total} right{correct === total ? ": well done." : "."}
    </p>
  );
}

/** A question built from a seed; `next()` builds another from the next seed. */
function useSeeded<T>(build: (rng: Rng) => T) {
  const [seed, setSeed] = useState(() => Date.now() >>> 0);
  const [value, setValue] = useState<T>(() => build(createRng(seed)));
  const next = () => {
    const s = (seed + 1) >>> 0;
    setSeed(s);
    setValue(build(createRng(s)));
  };
  return { seed, value, next };
}

interface Score {
  correct: number;
  total: number;
}

/** A graded PBQ's grade (null until checked); `check` shows a grade and records the score. */
function useGrade<G extends Score>() {
  const [grade, setGrade] = useState<G | null>(null);
  const recordPbq = useQuizProgress((s) => s.recordPbq);
  const check = (g: G) => {
    setGrade(g);
    recordPbq(Date.now(), g.correct / g.total);
  };
  return { grade, check, clear: () => setGrade(null) };
}

/** The score (announced politely) once graded, and the button that grades or starts again. */
function GradeActions({
  grade,
  check,
  onCheck,
  again,
  onAgain,
}: {
  grade: Score | null;
  check: string;
  onCheck: () => void;
  again: string;
  onAgain: () => void;
}) {
  return (
    <>
      <div aria-live="polite" className="mt-4">
        {grade && <Verdict correct={grade.correct} total={grade.total} />}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={grade ? onAgain : onCheck} className={BUTTON.small}>
          {grade ? again : check}
        </button>
      </div>
    </>
  );
}

/**
 * Match protocols to ports. Drag a port onto a protocol, or use each protocol's list box: the
 * list boxes are the keyboard and screen-reader way, and they show what a drag placed.
 */
function MatchPbqView() {
  const { value: pbq, next } = useSeeded(buildMatch);
  const [placed, setPlaced] = useState<Record<string, number | null>>({});
  const { grade, check, clear } = useGrade<MatchGrade>();

  const used = new Set(Object.values(placed).filter((v): v is number => v !== null));
  const place = (id: string, port: number | null) => {
    if (grade) return;
    setPlaced((p) => {
      const next: Record<string, number | null> = {};
      // A port sits in one place at a time: placing it again moves it.
      for (const [k, v] of Object.entries(p)) next[k] = v === port ? null : v;
      next[id] = port;
      return next;
    });
  };
  const onDrop = (id: string) => (e: DragEvent) => {
    e.preventDefault();
    const port = Number(e.dataTransfer.getData("text/plain"));
    if (Number.isInteger(port) && port > 0) place(id, port);
  };

  return (
    <section aria-labelledby="match-title" className="rounded-2xl border border-border p-4 sm:p-6">
      <h2 id="match-title" className="text-2xl font-bold">
        Match each protocol to its port
      </h2>
      <p className="mt-2 text-fg-muted">
        Drag a port onto a protocol, or choose it from the protocol&apos;s list. Each port is used
        once.
      </p>
      <div aria-label="Ports to place" role="group" className="mt-4 flex flex-wrap gap-2">
        {pbq.ports.map((port) => (
          <span
            key={port}
            draggable={!grade && !used.has(port)}
            onDragStart={(e) => e.dataTransfer.setData("text/plain", String(port))}
            className={`rounded-lg border-2 px-3 py-2 font-mono text-lg font-semibold ${
              used.has(port)
                ? "border-border text-fg-muted line-through"
                : "cursor-grab border-accent"
            }`}
          >
            {port}
            {used.has(port) && <span className="sr-only"> (placed)</span>}
          </span>
        ))}
      </div>
      <ul className="mt-5 space-y-2">
        {pbq.items.map((it) => {
          const row = grade?.rows.find((r) => r.id === it.id);
          return (
            <li
              key={it.id}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(it.id)}
              data-drop={it.id}
              className={`flex flex-wrap items-center gap-3 rounded-xl border-2 border-dashed p-3 ${
                row ? (row.ok ? "border-ok" : "border-bad") : "border-border"
              }`}
            >
              <label htmlFor={`match-${it.id}`} className="min-w-32 flex-1 font-semibold">
                {it.protocol}
              </label>
              <select
                id={`match-${it.id}`}
                value={placed[it.id] ?? ""}
                disabled={grade !== null}
                onChange={(e) => place(it.id, e.target.value ? Number(e.target.value) : null)}
                className="h-12 min-w-28 rounded-lg border-2 border-border bg-bg px-3 font-mono text-lg"
              >
                <option value="">Port…</option>
                {pbq.ports.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
              {row && (
                <span className={row.ok ? "text-ok" : "text-bad"}>
                  {row.ok ? "Right" : `Wrong: it is ${row.port}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <GradeActions
        grade={grade}
        check="Check answers"
        onCheck={() => check(gradeMatch(pbq, placed))}
        again="New set of ports"
        onAgain={() => {
          next();
          setPlaced({});
          clear();
        }}
      />
    </section>
  );
}

const NODE = Object.fromEntries(NETWORK_NODES.map((n) => [n.id, n]));

/** Replace the insecure protocols on a small office network. */
function NetworkPbqView() {
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const { grade, check, clear } = useGrade<NetworkGrade>();

  return (
    <section aria-labelledby="net-title" className="rounded-2xl border border-border p-4 sm:p-6">
      <h2 id="net-title" className="text-2xl font-bold">
        Replace the insecure protocols
      </h2>
      <p className="mt-2 text-fg-muted">
        Each link in this office network carries one protocol. Keep the links that are fine and
        replace the ones that send secrets in clear text.
      </p>
      <svg
        viewBox="0 0 640 380"
        role="img"
        aria-label="Network diagram: the links and their protocols are listed below."
        className="mt-4 w-full max-w-2xl"
      >
        {NETWORK_LINKS.map((l) => {
          const a = NODE[l.from];
          const b = NODE[l.to];
          if (!a || !b) return null;
          const row = grade?.rows.find((r) => r.link.id === l.id);
          return (
            <g key={l.id}>
              <line
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                strokeWidth="3"
                className={row ? (row.ok ? "stroke-ok" : "stroke-bad") : "stroke-border"}
              />
              <text
                x={(a.x + b.x) / 2}
                y={(a.y + b.y) / 2 - 6}
                textAnchor="middle"
                className="fill-fg text-[13px] font-semibold"
              >
                {choices[l.id] && choices[l.id] !== "keep"
                  ? NETWORK_OPTIONS.find((o) => o.id === choices[l.id])?.label.split(" ")[0]
                  : l.current.split(" ")[0]}
              </text>
            </g>
          );
        })}
        {NETWORK_NODES.map((n) => (
          <g key={n.id}>
            <rect
              x={n.x - 56}
              y={n.y - 18}
              width="112"
              height="36"
              rx="8"
              className="fill-bg-soft stroke-accent"
              strokeWidth="2"
            />
            <text x={n.x} y={n.y + 5} textAnchor="middle" className="fill-fg text-[13px]">
              {n.label}
            </text>
          </g>
        ))}
      </svg>
      <ul className="mt-4 space-y-3">
        {NETWORK_LINKS.map((l) => {
          const row = grade?.rows.find((r) => r.link.id === l.id);
          return (
            <li key={l.id} className="rounded-xl border border-border p-3">
              <label htmlFor={`net-${l.id}`} className="block">
                <span className="font-semibold">
                  {NODE[l.from]?.label} to {NODE[l.to]?.label}
                </span>
                : now {l.current}
              </label>
              <select
                id={`net-${l.id}`}
                value={choices[l.id] ?? ""}
                disabled={grade !== null}
                onChange={(e) => setChoices((c) => ({ ...c, [l.id]: e.target.value || null }))}
                className="mt-2 h-12 w-full max-w-sm rounded-lg border-2 border-border bg-bg px-3"
              >
                <option value="">Choose…</option>
                {NETWORK_OPTIONS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
              {row && (
                <p className={`mt-2 ${row.ok ? "text-ok" : "text-bad"}`}>
                  <strong>{row.ok ? "Right." : "Not quite."}</strong> {l.why}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <GradeActions
        grade={grade}
        check="Check the network"
        onCheck={() => check(gradeNetwork(choices))}
        again="Try again"
        onAgain={() => {
          setChoices({});
          clear();
        }}
      />
    </section>
  );
}

/** Read an SMTP session the simulated network really produced, and say what went wrong. */
function TranscriptPbqView() {
  return (
    <PickOnePbq
      id="tx"
      title="What went wrong?"
      build={transcriptQuestion}
      isRight={(q, id) => id === q.case.id}
      label="Diagnoses"
      next="Another transcript"
    >
      {(q) => (
        <ol
          aria-label="SMTP transcript"
          data-transcript
          // Scrolls when long: focusable so keyboard users can scroll it too.
          tabIndex={0}
          className="mt-4 max-h-96 overflow-auto rounded-xl bg-bg-soft p-3 font-mono text-sm"
        >
          {q.lines.map((l, i) => (
            <li
              key={i}
              className={l.who === "C" ? "text-accent" : l.who === "note" ? "text-fg-muted" : ""}
            >
              <span className="sr-only">
                {l.who === "C" ? "Client: " : l.who === "S" ? "Server: " : ""}
              </span>
              <span aria-hidden="true">{l.who === "C" ? "C: " : l.who === "S" ? "S: " : ""}</span>
              <span className="break-all">{l.text}</span>
            </li>
          ))}
        </ol>
      )}
    </PickOnePbq>
  );
}

/** Read the records and the receiver's Authentication-Results: does DMARC pass, and why? */
function DmarcPbqView() {
  return (
    <PickOnePbq
      id="dmarc"
      title="Does DMARC pass?"
      build={dmarcQuestion}
      isRight={gradeDmarc}
      label="Verdicts"
      next="Another header"
    >
      {(q) => (
        <>
          <h3 className="mt-4 font-semibold">DNS records published</h3>
          <pre
            aria-label="DNS records"
            className="mt-1 overflow-auto rounded-xl bg-bg-soft p-3 font-mono text-sm whitespace-pre-wrap break-all"
          >
            {q.records.length ? q.records.join("\n") : "(no TXT records for corp.example)"}
          </pre>
          <h3 className="mt-4 font-semibold">Header added by the receiving server</h3>
          <pre
            aria-label="Authentication-Results header"
            data-auth-results
            className="mt-1 overflow-auto rounded-xl bg-bg-soft p-3 font-mono text-sm whitespace-pre-wrap break-all"
          >
            {q.header.join("\n    ")}
          </pre>
        </>
      )}
    </PickOnePbq>
  );
}

/** A question with one right choice: what the learner reads, then the choices. */
interface PickQuestion {
  case: { id: string; setting: string; explanation: string };
  choices: readonly Choice[];
}

/**
 * A PBQ that asks one question at a time, built from a seed: its heading and setting, what
 * `children` shows of the question, then the pick (keyed by the question, so a new one starts
 * unpicked).
 */
function PickOnePbq<Q extends PickQuestion>({
  id,
  title,
  build,
  isRight,
  label,
  next,
  children,
}: {
  id: string;
  title: string;
  build: (rng: Rng) => Q;
  isRight: (q: Q, picked: string) => boolean;
  label: string;
  next: string;
  children: (q: Q) => ReactNode;
}) {
  const { seed, value: q, next: onNext } = useSeeded(build);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-2xl border border-border p-4 sm:p-6"
    >
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        {title}
      </h2>
      <p className="mt-2">{q.case.setting}</p>
      {children(q)}
      <PickOne
        key={q.case.id + seed}
        label={label}
        choices={q.choices}
        isRight={(picked) => isRight(q, picked)}
        explanation={q.case.explanation}
        next={next}
        onNext={onNext}
      />
    </section>
  );
}

/**
 * One question, one pick: the choices, then right or not and why (announced politely), and a
 * button for another question. Key it by the question so a new one starts unpicked.
 */
function PickOne({
  label,
  choices,
  isRight,
  explanation,
  next,
  onNext,
}: {
  label: string;
  choices: readonly Choice[];
  isRight: (id: string) => boolean;
  explanation: string;
  next: string;
  onNext: () => void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const recordPbq = useQuizProgress((s) => s.recordPbq);
  const right = picked !== null && isRight(picked);
  return (
    <>
      <div className="mt-5">
        <ChoiceList
          label={label}
          choices={choices}
          disabled={picked !== null}
          stateOf={(id) =>
            picked === null ? "idle" : isRight(id) ? "right" : id === picked ? "wrong" : "dim"
          }
          onConfirm={(id) => {
            if (picked) return;
            setPicked(id);
            recordPbq(Date.now(), isRight(id) ? 1 : 0);
          }}
        />
      </div>
      <div aria-live="polite" className="mt-4">
        {picked !== null && (
          <div
            className={`rounded-xl border-l-4 bg-bg-soft p-4 ${right ? "border-ok" : "border-bad"}`}
          >
            <p className={`text-lg font-bold ${right ? "text-ok" : "text-bad"}`}>
              {right ? "Right." : "Not this time."}
            </p>
            <p className="mt-2">{explanation}</p>
          </div>
        )}
      </div>
      {picked !== null && (
        <button type="button" onClick={onNext} className={`mt-4 ${BUTTON.small}`}>
          {next}
        </button>
      )}
    </>
  );
}
