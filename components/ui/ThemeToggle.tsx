"use client";

import { useEffect, useState } from "react";
import { THEME_CHOICES, THEME_KEY, parseThemeChoice, type ThemeChoice } from "@/lib/site/theme";

const LABELS: Record<ThemeChoice, string> = { system: "Auto", light: "Light", dark: "Dark" };

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_KEY));
  } catch {
    return "system";
  }
}

function applyTheme(choice: ThemeChoice) {
  const dark =
    choice === "dark" ||
    (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

/** A three-way switch (Auto / Light / Dark), remembered per browser and shared across tabs. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>("system");

  useEffect(() => {
    // Sync with what the boot script already applied before hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChoice(readChoice());
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onSystem = () => applyTheme(readChoice());
    const onStorage = (e: StorageEvent) => {
      if (e.key !== THEME_KEY) return;
      const next = parseThemeChoice(e.newValue);
      setChoice(next);
      applyTheme(next);
    };
    media.addEventListener("change", onSystem);
    window.addEventListener("storage", onStorage);
    return () => {
      media.removeEventListener("change", onSystem);
      window.removeEventListener("storage", onStorage);
    };
  }, []);

  function choose(next: ThemeChoice) {
    setChoice(next);
    try {
      if (next === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage can be unavailable (private mode); the theme still applies for this page.
    }
    applyTheme(next);
  }

  return (
    <fieldset className="flex items-center rounded-full border border-border p-0.5 text-sm">
      <legend className="sr-only">Colour theme</legend>
      {THEME_CHOICES.map((value) => (
        <label
          key={value}
          className="cursor-pointer rounded-full px-2.5 py-1 text-fg-muted has-[:checked]:bg-accent has-[:checked]:text-accent-fg has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus"
        >
          <input
            type="radio"
            name="theme"
            value={value}
            checked={choice === value}
            onChange={() => choose(value)}
            className="sr-only"
          />
          {LABELS[value]}
        </label>
      ))}
    </fieldset>
  );
}
