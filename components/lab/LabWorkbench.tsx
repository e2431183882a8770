import type { HTMLAttributes, ReactNode, Ref } from "react";
import { Panel } from "./Panel";

/** The prefix of the ids the workbench's headings (and the lab's controls) use at this level. */
export const labIds = (headingLevel: 2 | 3) => `lab-${headingLevel}`;

export interface LabWorkbenchProps {
  headingLevel: 2 | 3;
  /** From useBenchSize: the bench's box, and the height it gave the bench (0 until measured). */
  benchRef: Ref<HTMLDivElement>;
  height: number;
  /** More attributes and handlers for the bench (the first frame starts the lab from them). */
  benchProps?: HTMLAttributes<HTMLDivElement> & { [data: `data-${string}`]: string };
  /** The rest of the Network section's top row, after its heading. */
  networkBar: ReactNode;
  /** The Network section below that row: the diagram. */
  network: ReactNode;
  /** The Terminal section's content, given its heading. */
  terminal: (heading: ReactNode) => ReactNode;
  /** The three panels under the bench (empty in the first frame). */
  happened?: ReactNode;
  mailboxes?: ReactNode;
  transcript?: ReactNode;
}

/**
 * The lab's layout: the workbench (the Network section over the Terminal section, sized to the
 * viewport by useBenchSize) and the three panels below it. Both the live lab (Lab) and its first
 * frame (LabFrameView) are drawn in it, so the frame's boxes are the ones the lab takes over.
 */
export function LabWorkbench({
  headingLevel,
  benchRef,
  height,
  benchProps,
  networkBar,
  network,
  terminal,
  happened,
  mailboxes,
  transcript,
}: LabWorkbenchProps) {
  const ids = labIds(headingLevel);
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <div
        {...benchProps}
        ref={benchRef}
        data-testid="lab-bench"
        className="flex min-h-0 shrink-0 flex-col gap-2"
        style={{ height: height > 0 ? height : undefined }}
      >
        <section
          aria-labelledby={`${ids}-network`}
          className="shrink-0 rounded-xl border border-border bg-bg px-[12px] py-[6px]"
        >
          <div className="flex min-h-[26px] flex-wrap items-center gap-x-3 gap-y-1">
            <H id={`${ids}-network`} className="text-base font-semibold tracking-tight">
              Network
            </H>
            {networkBar}
          </div>
          {network}
        </section>
        <section
          aria-labelledby={`${ids}-terminal`}
          className="flex min-h-[120px] flex-1 flex-col rounded-xl border border-border bg-bg px-[12px] py-[6px]"
        >
          {terminal(
            <H id={`${ids}-terminal`} className="text-base font-semibold tracking-tight">
              Terminal
            </H>,
          )}
        </section>
      </div>
      <div className="@container mt-3">
        <div className="grid gap-3 @4xl:grid-cols-3">
          <Panel id={`${ids}-happened`} title="What happened" level={headingLevel}>
            {happened}
          </Panel>
          <Panel id={`${ids}-mailboxes`} title="Mailboxes" level={headingLevel}>
            {mailboxes}
          </Panel>
          <Panel id={`${ids}-transcript`} title="Transcript" level={headingLevel}>
            {transcript}
          </Panel>
        </div>
      </div>
    </>
  );
}
