// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { QuestionCard } from "@/components/quiz/QuestionCard";
import { createRng, questionFor } from "@/lib/quiz";

// The card's links are the site's Link, which asks the router to prefetch on intent.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => {} }) }));

const choice = questionFor("port:ldaps:636", createRng(4), "port-to-protocol");
const typed = questionFor("port:ldaps:636", createRng(4), "protocol-to-port");

describe("QuestionCard", () => {
  it("number keys pick a choice and focus it; a click confirms and shows why", () => {
    const onAnswered = vi.fn();
    render(<QuestionCard question={choice} onAnswered={onAnswered} onNext={() => {}} />);
    if (choice.format !== "choice") throw new Error("expected a choice question");
    const idx = choice.choices.findIndex((c) => c.id === choice.answer);
    fireEvent.keyDown(document.body, { key: String(idx + 1) });
    const button = screen.getAllByRole("button")[idx]!;
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(onAnswered).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(onAnswered).toHaveBeenCalledWith(expect.objectContaining({ correct: true }));
    expect(screen.getByText(/registry calls it "ldaps"/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /Next question/ }));
  });

  it("ignores number keys beyond the choices and with modifiers", () => {
    render(<QuestionCard question={choice} onAnswered={() => {}} onNext={() => {}} />);
    fireEvent.keyDown(document.body, { key: "9" });
    fireEvent.keyDown(document.body, { key: "1", ctrlKey: true });
    expect(
      screen.getAllByRole("button").some((b) => b.getAttribute("aria-pressed") === "true"),
    ).toBe(false);
  });

  it("a question in a hidden tab panel ignores number keys", () => {
    const onAnswered = vi.fn();
    render(
      <div hidden>
        <QuestionCard question={choice} onAnswered={onAnswered} onNext={() => {}} />
      </div>,
    );
    fireEvent.keyDown(document.body, { key: "1" });
    expect(
      screen
        .queryAllByRole("button", { hidden: true })
        .some((b) => b.getAttribute("aria-pressed") === "true"),
    ).toBe(false);
  });

  it("a typed answer: gibberish asks again, a wrong port is marked wrong with the answer", () => {
    const onAnswered = vi.fn();
    render(<QuestionCard question={typed} onAnswered={onAnswered} onNext={() => {}} />);
    const input = screen.getByLabelText("Port number");
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: "ldaps" } });
    fireEvent.submit(input.closest("form")!);
    expect(screen.getByRole("alert").textContent).toMatch(/not a port number/);
    expect(onAnswered).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: "389/tcp" } });
    fireEvent.submit(input.closest("form")!);
    expect(onAnswered).toHaveBeenCalledWith(expect.objectContaining({ correct: false }));
    expect(screen.getByText("You answered 389; the answer is 636/TCP.")).toBeTruthy();
  });
});
