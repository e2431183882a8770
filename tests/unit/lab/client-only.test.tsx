// @vitest-environment jsdom
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { clientOnly } from "@/components/ui/clientOnly";

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe("clientOnly", () => {
  it("shows the fallback, then the loaded component with its props; later mounts at once", async () => {
    let loads = 0;
    const Lazy = clientOnly(
      async () => {
        loads++;
        return Hello;
      },
      () => <p>Loading…</p>,
    );
    const first = render(<Lazy name="lab" />);
    expect(screen.getByText("Loading…")).toBeTruthy();
    expect(await screen.findByText("Hello lab")).toBeTruthy();
    first.unmount();
    render(<Lazy name="again" />);
    expect(screen.getByText("Hello again")).toBeTruthy();
    expect(loads).toBe(1);
  });

  it("keeps the fallback when the chunk fails, and tries again on the next mount", async () => {
    let fail = true;
    let attempt: Promise<typeof Hello> | null = null;
    const Lazy = clientOnly<{ name: string }>(
      () => (attempt = fail ? Promise.reject(new Error("offline")) : Promise.resolve(Hello)),
      () => <p>Loading…</p>,
    );
    const first = render(<Lazy name="x" />);
    await waitFor(() => expect(attempt).not.toBeNull());
    await act(() => attempt!.catch(() => undefined));
    expect(screen.getByText("Loading…")).toBeTruthy();
    first.unmount();
    fail = false;
    render(<Lazy name="y" />);
    expect(await screen.findByText("Hello y")).toBeTruthy();
  });
});
