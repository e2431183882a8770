"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { prepareInput, WORKER_THRESHOLD_CHARS } from "@/lib/headers/input";
import type { Analysis } from "@/lib/headers/types";
import { SAMPLE_TITLES } from "./sampleList";
import { loadResults, useAnalyser } from "./useAnalyser";

const Results = lazy(loadResults);
const loadShare = () => import("@/lib/headers/share/fragment");

/** Files above this are refused before reading: an .eml this big is almost all attachment. */
const MAX_FILE_BYTES = 50_000_000;

type View =
  | { kind: "idle" }
  | { kind: "working"; big: boolean }
  | { kind: "error"; message: string }
  | { kind: "done"; analysis: Analysis; headerBlock: string };

/** Decodes a file's bytes as UTF-8, falling back to Windows-1252 for old 8-bit headers. */
function decodeFile(buf: ArrayBuffer): string {
  const utf8 = new TextDecoder("utf-8").decode(buf);
  const head = utf8.slice(0, 200_000);
  return head.includes("\uFFFD") && !head.includes("\u0000")
    ? new TextDecoder("windows-1252").decode(buf)
    : utf8;
}

const button =
  "rounded-md border border-border px-3 py-2 font-medium hover:bg-bg-soft disabled:opacity-60";

export function HeaderAnalyzer() {
  const { analyse, cancel, ready } = useAnalyser();
  const [text, setText] = useState("");
  const [view, setView] = useState<View>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const run = useRef(0);
  const lastHash = useRef("");

  const start = useCallback(
    async (input: string, message = "") => {
      const id = ++run.current;
      setShare(null);
      setNote(message);
      setView({ kind: "working", big: input.length > WORKER_THRESHOLD_CHARS });
      const outcome = await analyse(input);
      if (id !== run.current) return;
      setView(
        outcome.ok
          ? { kind: "done", analysis: outcome.analysis, headerBlock: outcome.headerBlock }
          : { kind: "error", message: outcome.error },
      );
    },
    [analyse],
  );

  // A shared link ("#h=...") opens straight into its analysis, now and on later hash changes.
  useEffect(() => {
    const open = async () => {
      const hash = window.location.hash;
      if (hash === lastHash.current) return;
      lastHash.current = hash;
      if (!hash.includes("h=")) return;
      const { decodeFragment } = await loadShare();
      const r = await decodeFragment(hash);
      if (!r) return;
      if (!r.ok) {
        setView({ kind: "error", message: r.error });
        return;
      }
      setText(r.text);
      await start(r.text, "Opened the headers from the link.");
    };
    void open();
    const onHash = () => void open();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [start]);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setView({
        kind: "error",
        message: `${file.name} is ${Math.round(file.size / 1_000_000)} MB; this page opens files up to 50 MB. Save the message without attachments, or paste its headers.`,
      });
      return;
    }
    const prepared = prepareInput(decodeFile(await file.arrayBuffer()));
    if (!prepared.ok) {
      setView({ kind: "error", message: `${file.name}: ${prepared.error}` });
      return;
    }
    // Only the header section goes into the box: the body is never needed.
    setText(prepared.headerBlock);
    await start(prepared.headerBlock, `Read the headers of ${file.name}.`);
  };

  const pickSample = async (id: string) => {
    const { SAMPLES } = await import("./samples");
    const s = SAMPLES.find((x) => x.id === id);
    if (!s) return;
    setText(s.text);
    await start(s.text, `Loaded the sample "${s.title}".`);
  };

  const makeShareLink = async () => {
    if (view.kind !== "done") return;
    const { encodeFragment } = await loadShare();
    const frag = await encodeFragment(view.headerBlock);
    lastHash.current = `#${frag}`;
    window.history.replaceState(null, "", `#${frag}`);
    const url = window.location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setShare({ url, copied });
  };

  return (
    <div className="space-y-6" data-ready={ready ? "true" : undefined}>
      <div
        className={`space-y-3 rounded-lg border-2 border-dashed p-3 ${dragging ? "border-accent bg-bg-soft" : "border-border"}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void openFile(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor="headers-input" className="block font-semibold">
          Message headers or a whole message
        </label>
        <p id="headers-help" className="text-sm text-fg-muted">
          Paste them here, or drop an .eml file on this box. Everything stays in this browser tab:
          nothing is uploaded.
        </p>
        <textarea
          id="headers-input"
          aria-describedby="headers-help"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void start(text);
          }}
          spellCheck={false}
          autoComplete="off"
          rows={10}
          placeholder={
            "Received: from mail.example.org (mail.example.org [192.0.2.10])\n\tby mx.example.net (Postfix) with ESMTPS id 4Xyz\n\tfor <you@example.net>; Mon, 21 Sep 2026 10:00:00 +0000\nFrom: …"
          }
          className="block w-full rounded-md border border-border bg-bg p-2 font-mono text-sm"
        />
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => void start(text)}
            disabled={view.kind === "working"}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
          >
            Analyse
          </button>
          <label
            className={`${button} cursor-pointer focus-within:outline-2 focus-within:outline-focus`}
          >
            Choose an .eml file
            <input
              type="file"
              accept=".eml,.txt,message/rfc822,text/plain"
              className="sr-only"
              onChange={(e) => {
                void openFile(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
          <button
            type="button"
            className={button}
            onClick={() => {
              run.current++;
              setText("");
              setView({ kind: "idle" });
              setShare(null);
              setNote("");
            }}
          >
            Clear
          </button>
        </div>
      </div>

      <section aria-labelledby="samples-title">
        <h2 id="samples-title" className="font-semibold">
          Try a sample
        </h2>
        <p className="text-sm text-fg-muted">
          Real headers from open-source mail libraries&apos; test suites.
        </p>
        <ul className="mt-2 flex flex-wrap gap-2">
          {SAMPLE_TITLES.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`${button} text-sm`}
                onClick={() => void pickSample(s.id)}
              >
                {s.title}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <div role="status" className="min-h-6">
        {view.kind === "working" && (
          <span className="flex flex-wrap items-center gap-3">
            {view.big ? "Analysing a large header block in the background…" : "Analysing…"}
            {view.big && (
              <button
                type="button"
                className={`${button} py-1 text-sm`}
                onClick={() => {
                  run.current++;
                  cancel();
                  setView({ kind: "idle" });
                }}
              >
                Cancel
              </button>
            )}
          </span>
        )}
        {view.kind === "done" && (note || "Analysis ready.")}
      </div>
      {view.kind === "error" && (
        <p role="alert" className="rounded-md border-l-4 border-bad bg-bg-soft p-3">
          {view.message}
        </p>
      )}

      {view.kind === "done" && (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={button} onClick={() => void makeShareLink()}>
              Copy a share link
            </button>
            <span className="text-sm text-fg-muted">
              The headers travel inside the link itself (after the #), never to a server.
            </span>
          </div>
          {share && (
            <div className="space-y-1">
              <label htmlFor="share-url" className="block text-sm font-semibold">
                {share.copied
                  ? "Link copied. It opens this analysis:"
                  : "Copy this link; it opens this analysis:"}
              </label>
              <input
                id="share-url"
                readOnly
                value={share.url}
                onFocus={(e) => e.target.select()}
                className="block w-full rounded-md border border-border bg-bg p-2 font-mono text-xs"
              />
              {share.url.length > 8000 && (
                <p className="text-sm text-fg-muted">
                  This link is {share.url.length.toLocaleString("en")} characters long; some chat
                  and mail apps cut links that long.
                </p>
              )}
            </div>
          )}
          <Suspense fallback={<p>Preparing the results…</p>}>
            <Results analysis={view.analysis} />
          </Suspense>
        </>
      )}
    </div>
  );
}
