import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { SiteFooter } from "@/components/ui/SiteFooter";
import { ProgressHydrator } from "@/components/ui/ProgressHydrator";
import { SaveStatusBanner } from "@/components/progress/SaveStatusBanner";
import { ServiceWorkerUpdates } from "@/components/pwa/ServiceWorkerUpdates";
import { PresenterController } from "@/components/ui/presenter/PresenterController";
import { THEME_BOOT_SCRIPT } from "@/lib/site/theme";
import { ICON_DATA_URL } from "@/lib/site/icon";
import { CONTENT_SECURITY_POLICY, ZOD_JITLESS_SCRIPT } from "@/lib/site/csp";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Relay Lab: learn SMTP relaying for Security+", template: "%s · Relay Lab" },
  description:
    "Type real SMTP into a simulated mail network, watch messages relay hop by hop, and drill the port numbers for the CompTIA Security+ exam.",
  icons: { icon: [{ url: ICON_DATA_URL, type: "image/svg+xml" }] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // An on-screen keyboard shrinks the layout viewport, so the lab refits and keeps the prompt.
  interactiveWidget: "resizes-content",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A static export has no headers: the page carries its CSP (lib/site/csp.ts). */}
        <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <script dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="flex min-h-dvh flex-col bg-bg font-sans text-fg antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
        >
          Skip to content
        </a>
        <SiteHeader />
        <SaveStatusBanner />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        <ProgressHydrator />
        <ServiceWorkerUpdates />
        <PresenterController />
      </body>
    </html>
  );
}
