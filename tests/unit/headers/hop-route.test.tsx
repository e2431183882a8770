// @vitest-environment jsdom
/**
 * The route as both the header analyser and the lab's message view show it (HopRoute): one card
 * per hop on phones and a table row per hop, first hop first, each row named by its hop number.
 */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HopRoute } from "@/components/headers/HopRoute";
import { HopTable } from "@/components/headers/HopTable";
import { analyseText, fixture } from "./helpers";

describe("HopRoute", () => {
  it("shows the same hops as cards and as table rows, with a cell per column", () => {
    const hops = [
      { n: 1, from: "pc.home.example", by: "mail.isp.example" },
      { n: 2, from: "mail.isp.example", by: "mx.corp.example" },
    ];
    render(
      <HopRoute
        hops={hops}
        number={(h) => h.n}
        columns={[
          { heading: "From", cell: (h) => h.from, className: "font-mono" },
          { heading: "By", cell: (h) => h.by },
        ]}
        card={(h) => ({
          title: `Hop ${h.n}`,
          fields: [
            { term: "From", value: h.from, mono: true },
            { term: "By", value: h.by },
          ],
        })}
        caption="The route."
      />,
    );
    const cards = within(screen.getByRole("list", { name: "Hops, first hop first" }));
    expect(cards.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Hop 1Frompc.home.exampleBymail.isp.example",
      "Hop 2Frommail.isp.exampleBymx.corp.example",
    ]);
    const table = within(screen.getByRole("region", { name: "Hop table" }));
    expect(table.getAllByRole("columnheader").map((th) => th.textContent)).toEqual([
      "Hop",
      "From",
      "By",
    ]);
    expect(table.getAllByRole("rowheader").map((th) => th.textContent)).toEqual(["1", "2"]);
    expect(table.getAllByRole("row")[2]!.textContent).toBe("2mail.isp.examplemx.corp.example");
  });

  it("the header analyser's table has a row per Received: header, oldest first", async () => {
    const a = await analyseText(fixture("gmail-roundcube-postfix.eml"));
    render(<HopTable hops={a.hops} />);
    const table = within(screen.getByRole("region", { name: "Hop table" }));
    expect(table.getAllByRole("rowheader").map((th) => th.textContent)).toEqual(
      a.hops.map((h) => String(h.index)),
    );
    expect(table.getAllByRole("columnheader")).toHaveLength(6);
    expect(
      within(screen.getByRole("list", { name: "Hops, first hop first" })).getAllByRole("listitem"),
    ).toHaveLength(a.hops.length);
    expect(table.getAllByRole("row")[1]!.textContent).toContain("first hop");
  });
});
