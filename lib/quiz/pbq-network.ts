/**
 * PBQ "replace the insecure protocols": a small office network whose links each carry one
 * protocol. The learner keeps the links that are fine and swaps the clear-text ones for their
 * secure replacements. Facts as the port table has them (SSH 22, HTTPS 443, LDAPS 636, ...).
 */

export interface NetworkLink {
  id: string;
  from: string;
  to: string;
  /** What the link carries now. */
  current: string;
  /** Accepted answers (option ids); "keep" when the link is already right. */
  accept: string[];
  why: string;
}

export interface NetworkOption {
  id: string;
  label: string;
}

export const NETWORK_OPTIONS: NetworkOption[] = [
  { id: "keep", label: "Keep as it is" },
  { id: "ssh", label: "SSH (22/tcp)" },
  { id: "sftp", label: "SFTP (22/tcp)" },
  { id: "https", label: "HTTPS (443/tcp)" },
  { id: "ldaps", label: "LDAPS (636/tcp)" },
  { id: "imaps", label: "IMAPS (993/tcp)" },
  { id: "snmpv3", label: "SNMPv3 (161/udp)" },
  { id: "syslog-tls", label: "Syslog over TLS (6514/tcp)" },
  { id: "telnet", label: "Telnet (23/tcp)" },
];

export const NETWORK_NODES = [
  { id: "admin", label: "Admin PC", x: 60, y: 60 },
  { id: "switch", label: "Core switch", x: 300, y: 60 },
  { id: "users", label: "Staff laptops", x: 60, y: 200 },
  { id: "web", label: "Intranet web", x: 300, y: 200 },
  { id: "files", label: "File server", x: 540, y: 60 },
  { id: "dc", label: "Directory", x: 540, y: 200 },
  { id: "mail", label: "Mail server", x: 300, y: 330 },
  { id: "internet", label: "Internet MX", x: 540, y: 330 },
  { id: "logs", label: "Monitoring", x: 60, y: 330 },
] as const;

export const NETWORK_LINKS: NetworkLink[] = [
  {
    id: "admin-switch",
    from: "admin",
    to: "switch",
    current: "Telnet (23/tcp)",
    accept: ["ssh"],
    why: "Telnet sends the switch's admin password in clear text; manage it over SSH.",
  },
  {
    id: "users-web",
    from: "users",
    to: "web",
    current: "HTTP (80/tcp)",
    accept: ["https"],
    why: "Staff log in to the intranet, so the page and its cookies need TLS: HTTPS on 443.",
  },
  {
    id: "admin-files",
    from: "admin",
    to: "files",
    current: "FTP (21/tcp)",
    accept: ["sftp"],
    why: "FTP's login and files cross in clear text; SFTP carries both inside SSH on 22.",
  },
  {
    id: "web-dc",
    from: "web",
    to: "dc",
    current: "LDAP (389/tcp)",
    accept: ["ldaps"],
    why: "The web server binds to the directory with a password; LDAPS (636) wraps that in TLS.",
  },
  {
    id: "users-mail",
    from: "users",
    to: "mail",
    current: "IMAP (143/tcp)",
    accept: ["imaps"],
    why: "Reading mail with IMAP on 143 without STARTTLS exposes passwords and mail; IMAPS on 993 encrypts from the first byte.",
  },
  {
    id: "mail-internet",
    from: "mail",
    to: "internet",
    current: "SMTP (25/tcp) with STARTTLS",
    accept: ["keep"],
    why: "Server-to-server relay stays on port 25, which other domains' MX hosts listen on; STARTTLS already encrypts it when both sides can.",
  },
  {
    id: "switch-logs",
    from: "switch",
    to: "logs",
    current: "Syslog (514/udp)",
    accept: ["syslog-tls"],
    why: "Plain syslog can be read and forged on the way; syslog over TLS (6514) protects it.",
  },
  {
    id: "logs-web",
    from: "logs",
    to: "web",
    current: "SNMPv1 polling (161/udp)",
    accept: ["snmpv3"],
    why: "SNMP v1 and v2c send the community string in clear text; SNMPv3 adds authentication and encryption on the same port.",
  },
];

export interface NetworkGrade {
  correct: number;
  total: number;
  rows: { link: NetworkLink; given: string | null; ok: boolean }[];
}

export function gradeNetwork(choices: Readonly<Record<string, string | null>>): NetworkGrade {
  const rows = NETWORK_LINKS.map((link) => {
    const given = choices[link.id] ?? null;
    return { link, given, ok: given !== null && link.accept.includes(given) };
  });
  return { correct: rows.filter((r) => r.ok).length, total: rows.length, rows };
}
