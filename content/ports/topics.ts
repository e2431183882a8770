import type { Topic } from "./schema";

/** Display names of the exam report groups. */
export const TOPIC_LABELS: Record<Topic, string> = {
  mail: "Mail",
  web: "Web",
  remote: "Remote access",
  files: "File transfer and sharing",
  "name-services": "Names, addresses and time",
  directory: "Directory and authentication",
  management: "Monitoring and management",
  voice: "Voice",
  vpn: "VPN and tunnelling",
  data: "Databases",
};
