// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import Link from "@/components/ui/Link";

const prefetch = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch }) }));

describe("the site's Link", () => {
  beforeEach(() => prefetch.mockClear());

  it("prefetches its page when reached for, not when it is drawn", () => {
    render(<Link href="/ports">Port table</Link>);
    const a = screen.getByRole("link", { name: "Port table" });
    expect(a.getAttribute("href")).toBe("/ports");
    expect(prefetch).not.toHaveBeenCalled();
    fireEvent.pointerEnter(a);
    expect(prefetch).toHaveBeenLastCalledWith("/ports");
    fireEvent.focus(a);
    fireEvent.touchStart(a);
    expect(prefetch).toHaveBeenCalledTimes(3);
  });

  it("keeps the caller's own handlers", () => {
    const onFocus = vi.fn();
    render(
      <Link href="/quiz" onFocus={onFocus}>
        Practice
      </Link>,
    );
    fireEvent.focus(screen.getByRole("link", { name: "Practice" }));
    expect(onFocus).toHaveBeenCalledTimes(1);
    expect(prefetch).toHaveBeenCalledWith("/quiz");
  });

  it("never prefetches with prefetch={false}, nor links that leave the site", () => {
    render(
      <>
        <Link href="/lab" prefetch={false}>
          Lab
        </Link>
        <Link href="https://www.rfc-editor.org/rfc/rfc5321">RFC 5321</Link>
      </>,
    );
    for (const name of ["Lab", "RFC 5321"]) {
      const a = screen.getByRole("link", { name });
      fireEvent.pointerEnter(a);
      fireEvent.focus(a);
    }
    expect(prefetch).not.toHaveBeenCalled();
  });
});
