"use client";

/** Downloads all progress as a JSON file; the stores and zod load only when asked. */
async function exportToFile(): Promise<void> {
  const { exportProgress } = await import("@/lib/progress/transfer");
  const blob = new Blob([exportProgress()], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `relay-lab-progress-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export interface SaveProblemProps {
  problem: "newer" | "refused";
  onHide: () => void;
}

/** What the save-status banner says and offers; loaded only when there is a problem to show. */
export function SaveProblem({ problem, onHide }: SaveProblemProps) {
  return (
    <div
      data-save-problem={problem}
      className="border-b-4 border-warn bg-bg-soft px-4 py-3 text-fg sm:px-6"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1 basis-64">
          {problem === "newer" ? (
            <>
              <strong>Relay Lab needs updating.</strong> This browser holds progress saved by a
              newer version, so this one will not overwrite it, and nothing you do here is saved.
              Reload to get the new version.
            </>
          ) : (
            <>
              <strong>Your progress is not being saved.</strong> This browser refused to store it
              (storage may be full or turned off). It is kept only until you close this tab; export
              it to keep a copy.
            </>
          )}
        </p>
        {problem === "newer" ? (
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
          >
            Reload
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void exportToFile()}
            className="h-12 rounded-xl bg-accent px-5 font-semibold text-accent-fg"
          >
            Export progress
          </button>
        )}
        <button
          type="button"
          onClick={onHide}
          className="h-12 rounded-xl border-2 border-border px-5 font-semibold"
        >
          Hide
        </button>
      </div>
    </div>
  );
}
