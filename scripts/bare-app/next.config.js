// @ts-check
// The bare Next.js page that `npm run lighthouse` and `npm run size` measure Relay Lab against:
// the same next/react from the repository's node_modules, the same static export, nothing else.
/** @type {import('next').NextConfig} */
module.exports = { output: "export", images: { unoptimized: true }, poweredByHeader: false };
