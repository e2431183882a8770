// The bare page plus what every Relay Lab page with a terminal cannot do without: xterm, loaded
// after hydration, opened in a box that fills the screen's width, fitted, and given a short banner
// and a prompt, with the lab's own terminal options. `npm run lighthouse` measures it beside the
// routes with a terminal, so their cost over xterm's own can be told from the cost of xterm.
import { TerminalBox } from "./TerminalBox";

export const metadata = { title: "Bare Next.js page with xterm" };

export default function Page() {
  return (
    <>
      <h1>A bare Next.js page with a terminal</h1>
      <p>
        This page carries what the bare page carries, plus one xterm.js terminal opened after the
        page has hydrated, as Relay Lab opens its lab&apos;s terminal. Its figures are the floor for
        a page of the real site that shows a terminal as soon as it loads.
      </p>
      <TerminalBox />
    </>
  );
}
