import Link from "@/components/ui/Link";

export function SiteFooter() {
  return (
    <footer className="presenter-hide mt-16 border-t border-border text-sm text-fg-muted">
      <div className="mx-auto max-w-7xl space-y-2 px-4 py-8 sm:px-6">
        <p>
          <Link href="/glossary" className="font-medium text-fg underline underline-offset-4">
            Glossary
          </Link>
          {" · "}
          <Link href="/ports" className="font-medium text-fg underline underline-offset-4">
            Port table
          </Link>
          {" · "}
          <Link href="/class" className="font-medium text-fg underline underline-offset-4">
            Class quiz
          </Link>
        </p>
        <p>
          Relay Lab is a study aid for the CompTIA Security+ exam. It is not affiliated with or
          endorsed by CompTIA.
        </p>
        <p>
          The course draws its starting facts from the &ldquo;SMTP Relay&rdquo; section of
          CertiGuide to Security+, rewritten here and checked against RFC 5321, RFC 6409, RFC 8314
          and the IANA service name and port number registry.
        </p>
      </div>
    </footer>
  );
}
