/// <reference lib="webworker" />
// Runs the header analysis off the main thread for large inputs, so the page never freezes.
import { runAnalysis } from "@/lib/headers/read";

interface Job {
  id: number;
  text: string;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<Job>) => {
  const { id, text } = event.data;
  void runAnalysis(text).then((outcome) => scope.postMessage({ id, outcome }));
};
