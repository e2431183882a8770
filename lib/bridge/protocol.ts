/**
 * The messages between the bridge (a Node process holding real SMTP connections) and the lab
 * tab (which holds the simulated world). Only SMTP lines and connection events travel: both
 * ends parse every message with these schemas and drop anything else.
 */
import * as z from "zod/mini";

export const PROTOCOL_VERSION = 1;

/** RFC 5321 4.5.3.1.4-6: a command or text line is at most 1000 octets with its CRLF. */
export const MAX_LINE_OCTETS = 998;

/** Lines sent to the tab in one message, at most (the rest wait for the next round). */
export const MAX_BATCH_LINES = 200;

/** The simulated ports a bridge listener stands for. */
export const WORLD_PORTS = [25, 587, 465] as const;
export type WorldPort = (typeof WORLD_PORTS)[number];

/** The bridge's id for one TCP connection. */
const conn = z.int().check(z.positive());
// Characters, not octets: a UTF-8 line of 998 octets never has more than 998 characters.
const line = z.string().check(z.maxLength(MAX_LINE_OCTETS));

export const listenerSchema = z.object({
  /** The real TCP port on the bridge. */
  port: z.int().check(z.gte(1), z.lte(65535)),
  worldPort: z.union([z.literal(25), z.literal(587), z.literal(465)]),
  /** STARTTLS when offered, or TLS from the start. */
  tls: z.enum(["starttls", "implicit"]),
});
export type Listener = z.infer<typeof listenerSchema>;

/** Bridge -> tab. */
export const toTabSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    version: z.literal(PROTOCOL_VERSION),
    /** The address the SMTP listeners are bound to. */
    host: z.string().check(z.maxLength(255)),
    listeners: z.array(listenerSchema).check(z.maxLength(3)),
  }),
  z.object({
    type: z.literal("open"),
    conn,
    worldPort: listenerSchema.shape.worldPort,
    /** True when the real TLS handshake already happened (port 465). */
    tls: z.boolean(),
  }),
  z.object({
    type: z.literal("lines"),
    conn,
    lines: z.array(line).check(z.minLength(1), z.maxLength(MAX_BATCH_LINES)),
  }),
  /** The STARTTLS handshake completed. */
  z.object({ type: z.literal("tls"), conn }),
  /** The real client closed the connection. */
  z.object({ type: z.literal("hangup"), conn }),
  /** Another lab tab took over the bridge. */
  z.object({ type: z.literal("replaced") }),
]);
export type ToTab = z.infer<typeof toTabSchema>;

/** Tab -> bridge. */
export const toBridgeSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("attach"),
    version: z.literal(PROTOCOL_VERSION),
    scenario: z.string().check(z.maxLength(100)),
  }),
  z.object({
    type: z.literal("reply"),
    conn,
    /** What the server said, exactly as on the wire (CRLF-joined, each reply CRLF-ended); may be "". */
    text: z.string().check(z.maxLength(200_000)),
    /** How many of the lines sent were used; the rest are dropped (after STARTTLS or a hang-up). */
    consumed: z.int().check(z.gte(0), z.lte(MAX_BATCH_LINES)),
    /** The session waits for the TLS handshake ("220 2.0.0 Ready to start TLS" was sent). */
    starttls: z.boolean(),
    /** The session ended: close the connection after writing `text`. */
    close: z.boolean(),
  }),
]);
export type ToBridge = z.infer<typeof toBridgeSchema>;

/** Parse one WebSocket text frame; null for anything that is not valid JSON of the schema. */
function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown): T | null {
  if (typeof data !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = schema.safeParse(json);
  return r.success ? r.data : null;
}

export const parseToTab = (data: unknown): ToTab | null => parseWith(toTabSchema, data);
export const parseToBridge = (data: unknown): ToBridge | null => parseWith(toBridgeSchema, data);
