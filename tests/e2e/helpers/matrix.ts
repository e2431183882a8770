/** The phone and laptop viewports and the two themes the practice specs run every flow in. */
export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1366, height: 768 },
] as const;

export const THEMES = ["light", "dark"] as const;

/** Every viewport in every theme: `for (const { viewport, theme, label } of MATRIX)`. */
export const MATRIX = VIEWPORTS.flatMap((viewport) =>
  THEMES.map((theme) => ({ viewport, theme, label: `${viewport.name}, ${theme}` })),
);
