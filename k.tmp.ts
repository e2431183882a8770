import { createWorld, type World } from "@/lib/smtp";
import { createLabSession, runDemoStep } from "@/lib/shell/lab";
import { stripAnsi } from "@/lib/shell/terminal";
const world = createWorld("spoofing") as World;
const s = createLabSession(world);
for (const step of world.scenario.demo) console.log(stripAnsi(runDemoStep(s, step)));
console.log(world.dkimKeys());
