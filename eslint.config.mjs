import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/** The pure layers run the same in the browser, in Node tests and behind a socket. */
const PURE = [
  "lib/smtp/**/*.ts",
  "lib/shell/**/*.ts",
  "lib/quiz/**/*.ts",
  "lib/random/**/*.ts",
  // The header analyser's model (lib/headers/share uses the browser's CompressionStream).
  "lib/headers/*.ts",
  // The lessons' schema and task checks (the loader in lib/lessons/content.ts reads files).
  "lib/lessons/schema.ts",
  "lib/lessons/glossary.ts",
  "lib/lessons/checks.ts",
  "lib/lessons/coach.ts",
  "lib/lessons/taskKind.ts",
  "lib/lessons/ids.ts",
];

const UPWARD_IMPORTS = {
  group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
  message: "lib/ sits below components/ and app/: imports point down the layers only.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // One link for the whole site: it prefetches on intent, not on sight (components/ui/Link.tsx).
    files: ["app/**/*.tsx", "components/**/*.tsx", "components/**/*.ts"],
    ignores: ["components/ui/Link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message:
                "Import Link from @/components/ui/Link: it prefetches a page when the learner reaches for the link, not as soon as it is on screen.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [UPWARD_IMPORTS] }] },
  },
  {
    files: PURE,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "The engine, shell and quiz are pure: no React." },
            { name: "react-dom", message: "The engine, shell and quiz are pure: no React." },
            { name: "zustand", message: "Keep state stores in lib/progress." },
          ],
          patterns: [
            UPWARD_IMPORTS,
            { group: ["next", "next/*"], message: "The engine, shell and quiz are pure: no Next." },
            {
              group: ["@/lib/progress", "@/lib/progress/*"],
              message: "Stores sit above the pure layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "setTimeout",
          "setInterval",
          "clearTimeout",
          "clearInterval",
          "setImmediate",
          "queueMicrotask",
          "requestAnimationFrame",
          "window",
          "document",
          "localStorage",
          "navigator",
          "performance",
        ].map((name) => ({
          name,
          message: `${name} is not allowed in a pure layer: pass a clock or a port in.`,
        })),
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use the seeded generator passed in." },
        { object: "Date", property: "now", message: "Use the virtual clock passed in." },
        {
          object: "globalThis",
          property: "setTimeout",
          message: "Timers are not allowed in a pure layer.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "new Date() reads the wall clock: use the virtual clock.",
        },
      ],
    },
  },
  {
    files: ["tests/**/*.ts", "tests/**/*.tsx"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "node_modules/**",
    "next-env.d.ts",
    "tests/fixtures/**",
    "reports/**",
    "**/*.mjs",
    "**/*.js",
    "**/*.cjs",
  ]),
]);
