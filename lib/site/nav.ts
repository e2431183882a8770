/** The site's sections, in header order. Add a section here when its route exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: readonly NavItem[] = [
  { href: "/lessons", label: "Lessons" },
  { href: "/lab", label: "Lab" },
  { href: "/quiz", label: "Quiz" },
  { href: "/ports", label: "Ports" },
  { href: "/headers", label: "Headers" },
];
