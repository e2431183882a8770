import Link from "@/components/ui/Link";
import { NAV } from "@/lib/site/nav";
import { ThemeToggle } from "./ThemeToggle";
import { PresenterToggle } from "./presenter/PresenterToggle";

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-bg">
      <div className="presenter-tight mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
            <rect width="32" height="32" rx="7" className="fill-accent" />
            <path
              d="M6 10h20v12H6zM6 10l10 7 10-7"
              fill="none"
              strokeWidth="2.2"
              strokeLinejoin="round"
              className="stroke-accent-fg"
            />
          </svg>
          Relay Lab
        </Link>
        {NAV.length > 0 && (
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex gap-1 overflow-x-auto">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="block rounded-md px-3 py-2 font-medium text-fg-muted hover:bg-bg-soft hover:text-fg"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {/* A row of its own on phones, whether or not the theme switch has been parsed yet: a
            paint in the middle of the HTML must not see it fit beside the logo, then wrap, and
            the row is as tall as the switch (34 px) before it arrives. */}
        <div className="ml-auto flex min-h-[2.125rem] w-full items-center justify-end gap-2 sm:w-auto">
          <PresenterToggle />
          <div className="presenter-hide">
            <ThemeToggle />
          </div>
        </div>
      </div>
    </header>
  );
}
