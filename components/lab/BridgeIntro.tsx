/** The bridge panel's heading and what the bridge is for, shared by the panel and its stand-in. */
export function BridgeIntro({ id }: { id: string }) {
  return (
    <>
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        Real mail clients (bridge)
      </h2>
      <p className="mt-1 max-w-3xl text-fg-muted">
        Run <code className="font-mono">npm run bridge</code> in the project folder and connect:
        swaks, Thunderbird, Python&rsquo;s smtplib or nodemailer on this computer can then talk SMTP
        to the simulated servers here. Their sessions appear in the transcript, the diagram and the
        mailboxes like yours; the mail never leaves this page.
      </p>
    </>
  );
}

/**
 * Where the bridge panel goes before the lab's simulation has loaded (the panel drives the
 * simulated world, so it comes with it): the same words, and a button that starts the lab.
 */
export function BridgeStandIn({ onStart }: { onStart: () => void }) {
  return (
    <section
      aria-labelledby="bridge-intro"
      className="mt-4 rounded-xl border border-border bg-bg p-3 sm:p-4"
    >
      <BridgeIntro id="bridge-intro" />
      <button
        type="button"
        onClick={onStart}
        className="mt-3 rounded-md border border-accent bg-accent px-3 py-1.5 font-medium text-accent-fg"
      >
        Set up the bridge
      </button>
    </section>
  );
}
