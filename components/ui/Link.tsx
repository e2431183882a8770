"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, PointerEvent, TouchEvent } from "react";

type Props = ComponentProps<typeof NextLink>;

/**
 * The site's link: next/link, prefetching its page when the learner shows intent (a pointer over
 * it, keyboard focus, a finger on it) instead of as soon as it scrolls into view. Next's viewport
 * prefetch fetched and decoded every visible link's page while the page itself was starting up:
 * a dozen links on the home page, and the page's blocking time with them (see issue 13's note).
 * A link given `prefetch={false}` never prefetches.
 */
export default function Link({ prefetch, onPointerEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const href = typeof props.href === "string" ? props.href : null;
  const intent = prefetch !== false && href !== null && href.startsWith("/");
  const warm = () => {
    if (intent) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onPointerEnter={(e: PointerEvent<HTMLAnchorElement>) => {
        warm();
        onPointerEnter?.(e);
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        warm();
        onFocus?.(e);
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        warm();
        onTouchStart?.(e);
      }}
    />
  );
}
