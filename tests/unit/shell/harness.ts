/** A lab shell on a string terminal, for tests: type lines, get back what they printed. */
import { createWorld, type World } from "@/lib/smtp";
import { createLabSession } from "@/lib/shell/lab";
import { Shell } from "@/lib/shell/shell";
import { StringTerminal, stripAnsi } from "@/lib/shell/terminal";

export function lab(id = "isp-relay") {
  const world = createWorld(id) as World;
  const session = createLabSession(world);
  const term = new StringTerminal();
  const shell = new Shell(term, session, 100);
  shell.start();
  /** Types lines; returns only what they printed. */
  const type = (...lines: string[]) => {
    const before = term.output.length;
    term.type(lines.map((l) => l + "\r").join(""));
    return stripAnsi(term.output.slice(before)).replace(/\r\n/g, "\n");
  };
  return { world: () => session.world, session, term, shell, type };
}
