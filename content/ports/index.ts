export { PORTS } from "./ports";
export { PORT_SCENARIOS } from "./scenarios";
export { REPLY_CODES } from "./replies";
export { MAIL_FIREWALL_PBQ } from "./firewall";
export { TOPIC_LABELS } from "./topics";
export type {
  FirewallPbq,
  FirewallRule,
  Link,
  PortEntry,
  PortFact,
  ReplyCode,
  ScenarioQuestion,
  Topic,
  Transport,
} from "./schema";
