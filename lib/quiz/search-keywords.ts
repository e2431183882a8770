/**
 * Words people search the port reference with that the port data does not contain: everyday
 * names ("email"), product names ("active directory") and common abbreviations. Keyed by entry
 * id; an id missing from the table (a newly added port) simply has no extra words.
 */
const MAIL = ["email", "e-mail", "mail"];

export const SEARCH_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  ftp: ["file transfer", "upload"],
  ssh: ["secure shell", "remote login", "putty", "openssh", "terminal"],
  sftp: ["secure file transfer", "ssh file"],
  scp: ["secure copy", "ssh copy"],
  telnet: ["remote login", "terminal", "cleartext"],
  smtp: [...MAIL, "mta", "relay", "postfix", "outgoing mail", "send mail"],
  submission: [...MAIL, "msa", "outgoing mail", "send mail", "mail client", "starttls"],
  submissions: [...MAIL, "smtps", "outgoing mail", "implicit tls", "ssl"],
  dns: ["name resolution", "domain names", "bind", "resolver", "lookup"],
  dot: ["dns over tls", "encrypted dns", "private dns"],
  dhcp: ["ip address assignment", "bootp", "lease"],
  tftp: ["trivial file transfer", "pxe", "boot", "firmware"],
  http: ["web", "www", "website", "browser"],
  https: ["web", "www", "website", "browser", "tls", "ssl", "secure web"],
  kerberos: ["active directory", "ad", "windows login", "tickets", "kdc", "authentication"],
  pop3: [...MAIL, "incoming mail", "mailbox", "download mail", "post office"],
  pop3s: [...MAIL, "incoming mail", "mailbox", "secure pop", "post office"],
  imap: [...MAIL, "incoming mail", "mailbox", "folders"],
  imaps: [...MAIL, "incoming mail", "mailbox", "secure imap"],
  ntp: ["time", "clock", "time sync"],
  netbios: ["windows", "file sharing", "name service"],
  snmp: ["monitoring", "network management", "traps", "mib"],
  ldap: ["active directory", "ad", "directory", "user lookup"],
  ldaps: ["active directory", "ad", "secure directory", "secure ldap"],
  smb: ["windows", "file sharing", "cifs", "shares", "samba"],
  syslog: ["logs", "logging", "siem"],
  "syslog-tls": ["logs", "logging", "siem", "secure syslog"],
  ftps: ["secure file transfer", "ftp over tls", "ftp ssl"],
  mssql: ["sql server", "database", "microsoft sql"],
  mysql: ["database", "mariadb", "sql"],
  radius: ["aaa", "wifi authentication", "802.1x", "network access"],
  tacacs: ["aaa", "cisco", "device administration"],
  l2tp: ["vpn", "tunnel"],
  pptp: ["vpn", "tunnel", "legacy vpn"],
  ipsec: ["vpn", "tunnel", "ike", "nat traversal"],
  rdp: ["remote desktop", "windows", "terminal services", "mstsc"],
  sip: ["voip", "phone", "telephony", "calls"],
  sips: ["voip", "phone", "telephony", "secure sip"],
};
