import type { MetadataRoute } from "next";

// A static file in the export (out/manifest.webmanifest), so the app can be installed.
export const dynamic = "force-static";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Relay Lab: SMTP relaying and ports for Security+",
    short_name: "Relay Lab",
    description:
      "Lessons on SMTP relaying beside a simulated mail network, and port drills for Security+. Works offline after one visit.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
