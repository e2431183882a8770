import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import type { Page } from "@playwright/test";
import nodemailer from "nodemailer";
import { makeCertificate } from "@/bridge/cert";
import { BRIDGE_REPLIES, startBridge, type Bridge } from "@/bridge/server";
import { expectNoAxeViolations } from "./helpers/axe";
import { typeInTerminal } from "./helpers/lab";
import { expectInTerminal } from "./helpers/terminal";
import { expect, gotoHydrated, test } from "./helpers/test";

// Real mail clients (nodemailer, Python's smtplib, swaks) -> `npm run bridge`'s server on free
// ports -> the lab in Chromium, whose world answers. Everything is checked in the page.

const swaksInstalled = spawnSync("swaks", ["--version"]).status === 0;
/** swaks does STARTTLS through Net::SSLeay (.ci/run installs both). */
const swaksTls = swaksInstalled && spawnSync("perl", ["-MNet::SSLeay", "-e", "1"]).status === 0;

async function bridgeFor(baseURL: string | undefined): Promise<Bridge> {
  return startBridge({
    host: "127.0.0.1",
    ports: { smtp: 0, submission: 0, submissions: 0, ws: 0 },
    origins: [new URL(baseURL ?? "http://127.0.0.1:3501").origin],
    maxConnections: 100,
    idleTimeoutMs: 60_000,
    replyTimeoutMs: 60_000,
    tls: await makeCertificate(),
  });
}

async function openLabWithBridge(page: Page, bridge: Bridge, scenario = "isp-relay") {
  await gotoHydrated(page, `/lab?scenario=${scenario}&bridge=${bridge.ports.ws}`);
  await expect(page.getByTestId("bridge-status")).toContainText("Connected", { timeout: 30_000 });
}

/** Runs a program to completion; resolves with its exit code and output. */
function run(cmd: string, args: string[], input?: string) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
    child.stdin.end(input ?? "");
  });
}

/** Python's smtplib, standard library only: a plain session on the port-25 listener. */
const PYTHON_CLIENT = `
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage()
m["From"] = "you@isp.example"
m["To"] = "bob@corp.example"
m["Subject"] = "From smtplib"
m.set_content("First line\\n.a line that starts with a dot\\nLast line\\n")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=60) as s:
    s.ehlo("python.client.test")
    s.send_message(m)
print("sent")
`;

const transport = (port: number, extra: Record<string, unknown> = {}) =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    connectionTimeout: 60_000,
    greetingTimeout: 60_000,
    socketTimeout: 60_000,
    ...extra,
  });

const mail = (subject: string, to = "bob@corp.example") => ({
  from: "you@isp.example",
  to,
  subject,
  text: `Sent by a real client: ${subject}.`,
});

/** Opens a delivered message in the Mailboxes panel and returns its hop table. */
async function openMessage(page: Page, subject: string) {
  await page.getByRole("button", { name: new RegExp(subject) }).click();
  const table = page.getByRole("region", { name: "Hop table" }).getByRole("table");
  await expect(table).toBeVisible();
  return table;
}

test.describe("the bridge: real mail clients against the lab", () => {
  test.use({ reducedMotion: "reduce" });
  let bridge: Bridge;
  test.beforeEach(async ({ baseURL }) => {
    bridge = await bridgeFor(baseURL);
  });
  test.afterEach(async () => {
    await bridge.close();
  });

  test("nodemailer (plain and STARTTLS+AUTH), smtplib and swaks deliver into the page's mailboxes, with hop tables", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    // No tab yet: the client is told which page to open.
    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(bridge.ports.smtp, "127.0.0.1");
      let text = "";
      s.on("data", (d) => (text += d.toString()));
      s.on("close", () => resolve(text));
    });
    expect(refused).toMatch(/^421 4\.3\.2 Bridge: no Relay Lab tab is connected\. Open http/);
    expect(refused).toContain(`/lab?bridge=${bridge.ports.ws}`);

    await openLabWithBridge(page, bridge);
    // "Your computer" is on the diagram as soon as the bridge is connected.
    const network = page.getByRole("img", { name: /Network diagram/ });
    await expect(network).toContainText("Your computer (bridge)");

    const subjects = ["From nodemailer, plain", "From nodemailer, STARTTLS"];
    const plain = await transport(bridge.ports.smtp, { ignoreTLS: true }).sendMail(
      mail(subjects[0]!),
    );
    expect(plain.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-F]+$/);
    const tls = await transport(bridge.ports.submission, {
      requireTLS: true,
      auth: { user: "you", pass: "correct-horse" },
      authMethod: "PLAIN",
      tls: { rejectUnauthorized: false },
    }).sendMail(mail(subjects[1]!));
    expect(tls.response).toMatch(/^250 2\.0\.0 Ok: queued as /);

    const py = await run("python3", ["-c", PYTHON_CLIENT, String(bridge.ports.smtp)]);
    expect(py, py.out).toMatchObject({ code: 0 });
    subjects.push("From smtplib");

    if (swaksInstalled) {
      const secure = swaksTls
        ? ["--tls", "--auth", "PLAIN", "--auth-user", "you", "--auth-password", "correct-horse"]
        : [];
      const port = swaksTls ? bridge.ports.submission : bridge.ports.smtp;
      const sw = await run("swaks", [
        "--server",
        `127.0.0.1:${port}`,
        ...secure,
        "--from",
        "you@isp.example",
        "--to",
        "bob@corp.example",
        "--header",
        "Subject: From swaks",
        "--body",
        "Sent by swaks.",
      ]);
      expect(sw, sw.out).toMatchObject({ code: 0 });
      subjects.push("From swaks");
    }

    // Every message is in Bob's mailbox in the page, with the route through the relay. The first
    // hop names the client's own EHLO name (nodemailer says [127.0.0.1]) and "your computer"'s IP.
    const youIp = await page.evaluate(
      () =>
        (
          window as unknown as {
            __relayLab: { world: { host(n: string): { ip: string } | null } };
          }
        ).__relayLab.world.host("your-pc.home.example")?.ip,
    );
    expect(youIp).toMatch(/^203\.0\.113\.\d+$/);
    await page
      .getByRole("button", { name: new RegExp(`^bob@corp\\.example \\(${subjects.length}\\)$`) })
      .click({ timeout: 30_000 });
    for (const subject of subjects) {
      const hops = await openMessage(page, subject);
      await expect(hops.getByRole("row")).toHaveCount(3);
      await expect(hops.getByRole("row").nth(1)).toContainText(`[${youIp}]`);
      await expect(hops.getByRole("row").nth(1)).toContainText("mail.isp.example");
      await expect(hops.getByRole("row").nth(2)).toContainText("mx.corp.example");
      if (subject === "From smtplib") {
        // smtplib doubled the leading dot; the server took one away again.
        const body = page.getByRole("region", { name: "Body" });
        await expect(body).toContainText(/First line\s+\.a line that starts with a dot\s+Last/);
        await expect(body).not.toContainText("..a line");
      }
      await page.getByRole("button", { name: "Back to the list" }).click();
    }
    // The sessions are in the transcript like any other, TLS and login included.
    const transcript = page.getByRole("region", { name: "Transcript" });
    await expect(transcript).toContainText("your-pc.home.example");
  });

  test("a relay the scenario denies gives the client the same 554 the terminal shows", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openLabWithBridge(page, bridge);
    await page.getByLabel("Real clients talk to").selectOption("mx.corp.example");
    const err = await transport(bridge.ports.smtp, { ignoreTLS: true })
      .sendMail(mail("Relay?", "carol@partner.example"))
      .then(
        () => null,
        (e: { responseCode?: number; response?: string }) => e,
      );
    expect(err?.responseCode).toBe(554);
    expect(err?.response).toBe("554 5.7.1 <carol@partner.example>: Relay access denied");

    // The same dialogue typed in the lab's terminal, from the learner's PC next door.
    await typeInTerminal(
      page,
      "telnet mx.corp.example 25",
      "EHLO pc.home.example",
      "MAIL FROM:<you@isp.example>",
      "RCPT TO:<carol@partner.example>",
    );
    await expectInTerminal(page, err!.response!, { timeout: 30_000 });
  });

  test("closing the lab tab mid-session closes the client's connection with a 421", async ({
    page,
  }) => {
    await openLabWithBridge(page, bridge);
    const socket = net.connect(bridge.ports.smtp, "127.0.0.1");
    let text = "";
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("data", (d) => {
      text += d.toString();
      if (/^220 /.test(text) && !text.includes("\r\n250")) socket.write("EHLO x.test\r\n");
    });
    await expect.poll(() => text, { timeout: 30_000 }).toMatch(/\r\n250 SMTPUTF8\r\n$/);
    await page.close();
    await closed;
    expect(text.endsWith(BRIDGE_REPLIES.tabClosed + "\r\n")).toBe(true);
  });
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`axe on the bridge panel, ${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: "reduce" });
    test("connected and not connected", async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      await gotoHydrated(page, "/lab?scenario=telecommuter");
      // Before the simulation has loaded, a stand-in says what the bridge is and starts it.
      const setUp = page.getByRole("button", { name: "Set up the bridge" });
      await expect(setUp).toBeVisible();
      await expectNoAxeViolations(page);
      await setUp.click();
      await expect(page.getByTestId("bridge-status")).toContainText("Not connected");
      await expectNoAxeViolations(page);
      const bridge = await bridgeFor(baseURL);
      try {
        await page.getByLabel("Bridge port").fill(String(bridge.ports.ws));
        await page.getByRole("button", { name: "Connect bridge" }).click();
        await expect(page.getByTestId("bridge-status")).toContainText("Connected");
        await expect(page.getByTestId("bridge-panel")).toContainText("--auth-user alice");
        await expectNoAxeViolations(page);
      } finally {
        await bridge.close();
      }
      await expect(page.getByTestId("bridge-status")).toContainText("No bridge answered");
    });
  });
}
