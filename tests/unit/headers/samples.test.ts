import { describe, expect, it } from "vitest";
import { SAMPLE_TITLES } from "@/components/headers/sampleList";
import { SAMPLES } from "@/components/headers/samples";
import { fixture } from "./helpers";

describe("Try a sample", () => {
  it("each sample is the header section of its fixture, and the buttons list them all", () => {
    for (const s of SAMPLES) expect(s.text).toBe(fixture(s.fixture).split(/\r?\n\r?\n/)[0]);
    expect(SAMPLE_TITLES).toEqual(SAMPLES.map(({ id, title }) => ({ id, title })));
  });
});
