import type { PortEntry } from "./schema";

/**
 * The port set a Security+ candidate is expected to know, plus a few neighbours that are easy
 * to confuse with them. `ports[].transports` is what the protocol uses in practice; the test in
 * tests/unit/quiz/ports-registry.test.ts checks every number/transport against the IANA registry
 * as Debian's /etc/services has it. `exceptions` records where the two differ, and why.
 */
export const PORTS: readonly PortEntry[] = [
  {
    id: "ftp",
    protocol: "FTP",
    name: "File Transfer Protocol",
    ports: [
      { number: 20, transports: ["tcp"], label: "FTP data (active mode)", iana: "ftp-data" },
      { number: 21, transports: ["tcp"], label: "FTP control", iana: "ftp" },
    ],
    topic: "files",
    purpose:
      "Moves files between a client and a server. Commands go over port 21; in active mode the server opens the data connection from port 20.",
    secure: ["sftp", "ftps"],
    confusions: [
      "FTP sends the username and password in clear text, which is why the exam wants SFTP or FTPS instead.",
      "Port 21 carries commands and 20 carries data; in passive mode the data port is a high port the server picks.",
    ],
    core: true,
  },
  {
    id: "ssh",
    protocol: "SSH",
    name: "Secure Shell",
    ports: [{ number: 22, transports: ["tcp"], label: "SSH", iana: "ssh" }],
    topic: "remote",
    purpose:
      "An encrypted remote shell and tunnel. It replaced Telnet and rlogin, and carries SFTP and SCP.",
    confusions: ["SFTP and SCP are not separate ports: both run inside an SSH session on 22."],
    core: true,
  },
  {
    id: "sftp",
    protocol: "SFTP",
    name: "SSH File Transfer Protocol",
    ports: [{ number: 22, transports: ["tcp"], label: "SFTP (inside SSH)", iana: "ssh" }],
    topic: "files",
    purpose: "File transfer carried inside an SSH connection, so logins and data are encrypted.",
    runsOver: "ssh",
    confusions: [
      "The registry's 'sftp' on port 115 is the old Simple File Transfer Protocol, not SSH's SFTP.",
      "SFTP is not FTP over TLS; that is FTPS, on 21 (explicit) or 990 (implicit).",
    ],
    core: true,
  },
  {
    id: "scp",
    protocol: "SCP",
    name: "Secure Copy",
    ports: [{ number: 22, transports: ["tcp"], label: "SCP (inside SSH)", iana: "ssh" }],
    topic: "files",
    purpose: "Copies files over an SSH connection, with the same keys and passwords as SSH.",
    runsOver: "ssh",
    confusions: ["SCP has no port of its own: it is SSH on 22."],
    core: true,
  },
  {
    id: "telnet",
    protocol: "Telnet",
    name: "Telnet",
    ports: [{ number: 23, transports: ["tcp"], label: "Telnet", iana: "telnet" }],
    topic: "remote",
    purpose:
      "An unencrypted remote terminal. Still handy for typing SMTP by hand, never for logging in.",
    secure: ["ssh"],
    confusions: [
      "Everything Telnet sends, passwords included, can be read on the wire; use SSH on 22.",
    ],
    core: true,
    learn: { href: "/lab?scenario=isp-relay", label: "Type SMTP over telnet in the lab" },
  },
  {
    id: "smtp",
    protocol: "SMTP",
    name: "Simple Mail Transfer Protocol (relay and MX)",
    ports: [{ number: 25, transports: ["tcp"], label: "SMTP between mail servers", iana: "smtp" }],
    topic: "mail",
    purpose:
      "Mail servers hand messages to each other on 25: an MX receives here, and a relay sends from here to the next hop.",
    // No `secure` entry: relay is secured on 25 itself with STARTTLS (RFC 3207); 465 is for
    // clients submitting mail, not a replacement for server-to-server SMTP.
    confusions: [
      "Port 25 is for server-to-server relay; a mail client should submit on 587 (or 465), not 25.",
      "Servers encrypt on 25 with STARTTLS when both sides offer it; there is no separate secure port for relay.",
      "Many ISPs block outbound 25 from home addresses to stop spam bots, which is why clients submit on 587 or 465 instead.",
    ],
    core: true,
    learn: { href: "/lab?scenario=isp-relay", label: "Relay a message through an ISP" },
  },
  {
    id: "submission",
    protocol: "SMTP submission",
    name: "Message Submission (RFC 6409)",
    ports: [{ number: 587, transports: ["tcp"], label: "Mail submission", iana: "submission" }],
    topic: "mail",
    purpose:
      "Where a mail client hands new mail to its own server: STARTTLS first, then AUTH, then the message.",
    confusions: [
      "587 is 'submission' (RFC 6409) and starts in plain text before STARTTLS; 465 is 'submissions' with TLS from the first byte.",
      "A submission server requires authentication, so it can relay for its users without being an open relay.",
    ],
    core: true,
    learn: { href: "/lab?scenario=telecommuter", label: "Submit on 587 as a telecommuter" },
  },
  {
    id: "submissions",
    protocol: "SMTPS (submissions)",
    name: "Message Submission over TLS (RFC 8314)",
    ports: [
      {
        number: 465,
        transports: ["tcp"],
        label: "Mail submission over implicit TLS",
        iana: "submissions",
      },
    ],
    topic: "mail",
    purpose:
      "Mail submission with implicit TLS: the client starts the TLS handshake as soon as it connects, then authenticates.",
    confusions: [
      "465 was briefly registered for SMTPS, withdrawn, and re-registered in 2018 (RFC 8314) as 'submissions' for clients, not for server-to-server relay.",
      "Exam guides call 465 'SMTPS'; IANA's name is 'submissions'. 'smtps' is only an alias in Debian's /etc/services, not a name IANA gives.",
      "RFC 8314 prefers implicit TLS on 465 over STARTTLS on 587 for submission.",
    ],
    core: true,
    learn: { href: "/lab?scenario=port-25-blocked", label: "Send when port 25 is blocked" },
  },
  {
    id: "dns",
    protocol: "DNS",
    name: "Domain Name System",
    ports: [{ number: 53, transports: ["tcp", "udp"], label: "DNS", iana: "domain" }],
    topic: "name-services",
    purpose:
      "Turns names into addresses and tells a relay which server takes a domain's mail (MX records). Queries go over UDP; zone transfers and large answers over TCP.",
    secure: ["dot"],
    confusions: [
      "DNS uses both: UDP 53 for most queries, TCP 53 for zone transfers and replies too big for UDP.",
      "DNSSEC signs records but keeps port 53; DNS over TLS moves to 853.",
    ],
    core: true,
  },
  {
    id: "dot",
    protocol: "DNS over TLS",
    name: "DNS over TLS (RFC 7858)",
    ports: [{ number: 853, transports: ["tcp"], label: "DNS over TLS", iana: "domain-s" }],
    topic: "name-services",
    purpose:
      "DNS queries inside a TLS connection, so an on-path observer cannot read or change them.",
    confusions: [
      "DNS over HTTPS uses 443 and looks like web traffic; DNS over TLS has its own port, 853.",
    ],
    core: false,
  },
  {
    id: "dhcp",
    protocol: "DHCP",
    name: "Dynamic Host Configuration Protocol",
    ports: [
      { number: 67, transports: ["udp"], label: "DHCP server", iana: "bootps" },
      { number: 68, transports: ["udp"], label: "DHCP client", iana: "bootpc" },
    ],
    topic: "name-services",
    purpose:
      "Hands out IP addresses, gateways and DNS servers. Servers listen on 67, clients on 68.",
    confusions: [
      "The registry names are BOOTP's: bootps (server, 67) and bootpc (client, 68).",
      "DHCP is UDP only: a client with no address yet cannot open a TCP connection.",
    ],
    core: true,
  },
  {
    id: "tftp",
    protocol: "TFTP",
    name: "Trivial File Transfer Protocol",
    ports: [{ number: 69, transports: ["udp"], label: "TFTP", iana: "tftp" }],
    topic: "files",
    purpose:
      "A tiny file transfer with no login, used to boot network devices and load configurations.",
    confusions: [
      "TFTP is UDP 69 with no authentication; FTP is TCP 20/21 with a (clear-text) login.",
    ],
    core: true,
  },
  {
    id: "http",
    protocol: "HTTP",
    name: "Hypertext Transfer Protocol",
    ports: [{ number: 80, transports: ["tcp"], label: "HTTP", iana: "http" }],
    topic: "web",
    purpose: "Unencrypted web traffic.",
    secure: ["https"],
    confusions: ["8080 is a common alternative web port, not a secure one."],
    core: true,
  },
  {
    id: "kerberos",
    protocol: "Kerberos",
    name: "Kerberos v5",
    ports: [{ number: 88, transports: ["tcp", "udp"], label: "Kerberos KDC", iana: "kerberos" }],
    topic: "directory",
    purpose:
      "Ticket-based single sign-on; Active Directory domain controllers run the key distribution center on 88.",
    confusions: [
      "Kerberos uses both: UDP 88 for small messages, TCP 88 for large tickets (and Windows clients now use TCP by default).",
    ],
    core: true,
  },
  {
    id: "pop3",
    protocol: "POP3",
    name: "Post Office Protocol v3",
    ports: [{ number: 110, transports: ["tcp"], label: "POP3", iana: "pop3" }],
    topic: "mail",
    purpose: "Downloads mail from a mailbox to one client, usually deleting it from the server.",
    secure: ["pop3s"],
    confusions: [
      "POP3 and IMAP read mail; SMTP sends it. A mail server that only receives and relays needs neither.",
    ],
    core: true,
  },
  {
    id: "ntp",
    protocol: "NTP",
    name: "Network Time Protocol",
    ports: [{ number: 123, transports: ["udp"], label: "NTP", iana: "ntp" }],
    topic: "name-services",
    purpose:
      "Keeps clocks in step. Accurate time matters for Kerberos tickets, certificates and log correlation.",
    confusions: ["NTP is UDP 123; do not confuse it with NNTP (Usenet news, TCP 119)."],
    core: true,
  },
  {
    id: "netbios",
    protocol: "NetBIOS",
    name: "NetBIOS over TCP/IP",
    ports: [
      { number: 137, transports: ["udp"], label: "NetBIOS name service", iana: "netbios-ns" },
      { number: 138, transports: ["udp"], label: "NetBIOS datagram service", iana: "netbios-dgm" },
      { number: 139, transports: ["tcp"], label: "NetBIOS session service", iana: "netbios-ssn" },
    ],
    topic: "files",
    purpose:
      "Legacy Windows naming and file sharing: names on 137, datagrams on 138, sessions (old SMB) on 139.",
    confusions: [
      "Modern SMB runs directly over TCP 445 without NetBIOS; 139 is SMB over the old NetBIOS session service.",
      "The registry lists 137-139 for both TCP and UDP; in practice 137 and 138 are UDP and 139 is TCP.",
    ],
    core: true,
  },
  {
    id: "imap",
    protocol: "IMAP",
    name: "Internet Message Access Protocol",
    ports: [{ number: 143, transports: ["tcp"], label: "IMAP", iana: "imap" }],
    topic: "mail",
    purpose:
      "Reads and organises mail that stays on the server, so several devices see the same mailbox.",
    secure: ["imaps"],
    confusions: ["IMAP is 143 and IMAPS 993; POP3 is 110 and POP3S 995."],
    core: true,
  },
  {
    id: "snmp",
    protocol: "SNMP",
    name: "Simple Network Management Protocol",
    ports: [
      { number: 161, transports: ["udp"], label: "SNMP agent (queries)", iana: "snmp" },
      { number: 162, transports: ["udp"], label: "SNMP traps", iana: "snmptrap" },
    ],
    topic: "management",
    purpose:
      "Monitors and configures network devices. A manager polls agents on 161; agents send traps to the manager on 162.",
    confusions: [
      "SNMPv3 adds authentication and encryption on the same ports; there is no separate secure port.",
      "Community strings in SNMPv1 and v2c travel in clear text.",
    ],
    core: true,
  },
  {
    id: "ldap",
    protocol: "LDAP",
    name: "Lightweight Directory Access Protocol",
    ports: [{ number: 389, transports: ["tcp", "udp"], label: "LDAP", iana: "ldap" }],
    topic: "directory",
    purpose: "Queries and updates a directory such as Active Directory: users, groups, computers.",
    secure: ["ldaps"],
    askTransport: false,
    confusions: [
      "LDAP is 389 and LDAPS 636; StartTLS on 389 is the other way to encrypt LDAP.",
      "Directory queries use TCP 389; UDP 389 (connectionless LDAP) is mostly used by Windows to find a domain controller.",
    ],
    core: true,
  },
  {
    id: "https",
    protocol: "HTTPS",
    name: "HTTP over TLS",
    ports: [{ number: 443, transports: ["tcp", "udp"], label: "HTTPS", iana: "https" }],
    topic: "web",
    purpose: "Encrypted web traffic, and the port most VPNs and APIs hide behind.",
    askTransport: false,
    confusions: [
      "HTTPS is TCP 443 for HTTP/1.1 and HTTP/2; HTTP/3 runs over QUIC on UDP 443, which exam answers usually ignore.",
    ],
    core: true,
  },
  {
    id: "smb",
    protocol: "SMB",
    name: "Server Message Block (CIFS)",
    ports: [{ number: 445, transports: ["tcp"], label: "SMB", iana: "microsoft-ds" }],
    topic: "files",
    purpose: "Windows file and printer sharing, directly over TCP without NetBIOS.",
    confusions: [
      "The registry calls 445 'microsoft-ds'. Blocking 445 at the perimeter stops worms such as WannaCry spreading in.",
    ],
    core: true,
  },
  {
    id: "syslog",
    protocol: "Syslog",
    name: "Syslog",
    ports: [{ number: 514, transports: ["udp"], label: "Syslog", iana: "syslog" }],
    topic: "management",
    purpose: "Sends log messages from devices and servers to a central collector, such as a SIEM.",
    secure: ["syslog-tls"],
    confusions: [
      "Plain syslog is UDP 514 and can be lost or spoofed; syslog over TLS is TCP 6514.",
      "TCP 514 in the registry is 'shell' (rsh), not syslog.",
    ],
    core: true,
  },
  {
    id: "syslog-tls",
    protocol: "Syslog over TLS",
    name: "Syslog over TLS (RFC 5425)",
    ports: [{ number: 6514, transports: ["tcp"], label: "Syslog over TLS", iana: "syslog-tls" }],
    topic: "management",
    purpose: "Log forwarding inside TLS, so logs arrive complete, unread and unaltered.",
    confusions: ["6514 = 514 with a 6 in front: a handy way to remember it."],
    core: true,
  },
  {
    id: "ldaps",
    protocol: "LDAPS",
    name: "LDAP over TLS",
    ports: [{ number: 636, transports: ["tcp"], label: "LDAPS", iana: "ldaps" }],
    topic: "directory",
    purpose: "LDAP inside TLS from the first byte, so directory binds and queries are encrypted.",
    confusions: [
      "636 is LDAPS; 3269 is the encrypted Global Catalog, a different Active Directory service.",
    ],
    core: true,
  },
  {
    id: "ftps",
    protocol: "FTPS",
    name: "FTP over TLS (implicit)",
    ports: [
      { number: 989, transports: ["tcp"], label: "FTPS data (implicit TLS)", iana: "ftps-data" },
      { number: 990, transports: ["tcp"], label: "FTPS control (implicit TLS)", iana: "ftps" },
    ],
    topic: "files",
    purpose:
      "FTP wrapped in TLS. Implicit FTPS uses 990 for control and 989 for data; explicit FTPS upgrades a port 21 session with AUTH TLS.",
    confusions: ["FTPS is FTP plus TLS; SFTP is a different protocol that runs over SSH on 22."],
    core: true,
  },
  {
    id: "imaps",
    protocol: "IMAPS",
    name: "IMAP over TLS",
    ports: [{ number: 993, transports: ["tcp"], label: "IMAPS", iana: "imaps" }],
    topic: "mail",
    purpose: "IMAP with TLS from the first byte.",
    confusions: [
      "993 is IMAPS and 995 is POP3S: IMAP comes before POP alphabetically, and so does its port.",
    ],
    core: true,
  },
  {
    id: "pop3s",
    protocol: "POP3S",
    name: "POP3 over TLS",
    ports: [{ number: 995, transports: ["tcp"], label: "POP3S", iana: "pop3s" }],
    topic: "mail",
    purpose: "POP3 with TLS from the first byte.",
    confusions: ["995 is POP3S, 993 is IMAPS; both are TLS from the first byte."],
    core: true,
  },
  {
    id: "mssql",
    protocol: "MS SQL Server",
    name: "Microsoft SQL Server",
    ports: [{ number: 1433, transports: ["tcp"], label: "MS SQL Server", iana: "ms-sql-s" }],
    topic: "data",
    purpose: "Clients connect to a SQL Server database engine on 1433.",
    confusions: [
      "UDP 1434 is the SQL Server Browser (ms-sql-m), which the Slammer worm attacked; the database itself is TCP 1433.",
    ],
    core: true,
  },
  {
    id: "mysql",
    protocol: "MySQL",
    name: "MySQL / MariaDB",
    ports: [{ number: 3306, transports: ["tcp"], label: "MySQL", iana: "mysql" }],
    topic: "data",
    purpose: "The MySQL and MariaDB client protocol.",
    confusions: ["3306 is MySQL and 3389 is RDP: close numbers, very different exposure."],
    core: true,
  },
  {
    id: "oracle",
    protocol: "Oracle DB",
    name: "Oracle Database listener",
    ports: [
      {
        number: 1521,
        transports: ["tcp"],
        label: "Oracle listener (by convention)",
        iana: "ncube-lm",
      },
    ],
    topic: "data",
    purpose:
      "Where Oracle Database clients reach the listener by default. The number is a convention Oracle set, not its registration.",
    confusions: [
      "IANA registers 1521 to 'ncube-lm' (nCube License Manager); Oracle's registered ports are 2483 and 2484, yet installations use 1521.",
      "1433 is Microsoft SQL Server, 3306 MySQL, 1521 Oracle: database ports should never face the internet.",
    ],
    exceptions: [
      {
        number: 1521,
        transport: "tcp",
        reason:
          "IANA lists 1521 as 'ncube-lm'; Debian's /etc/services leaves it out. Oracle uses it by convention.",
      },
    ],
    core: false,
  },
  {
    id: "msrpc",
    protocol: "MS RPC",
    name: "Microsoft RPC endpoint mapper (DCE/RPC)",
    ports: [{ number: 135, transports: ["tcp"], label: "RPC endpoint mapper", iana: "epmap" }],
    topic: "management",
    purpose:
      "Windows' RPC endpoint mapper: a client asks it which port a service (DCOM, WMI, domain replication) is on, then connects there.",
    confusions: [
      "The registry name is 'epmap' (DCE endpoint resolution). Only the mapper is on 135; the services it names use high dynamic ports.",
      "135 is RPC, not NetBIOS: NetBIOS is 137-139, and SMB 445.",
    ],
    core: false,
  },
  {
    id: "radius",
    protocol: "RADIUS",
    name: "Remote Authentication Dial-In User Service",
    ports: [
      { number: 1812, transports: ["udp"], label: "RADIUS authentication", iana: "radius" },
      { number: 1813, transports: ["udp"], label: "RADIUS accounting", iana: "radius-acct" },
    ],
    topic: "directory",
    purpose:
      "Central authentication, authorisation and accounting for VPNs, Wi-Fi (802.1X) and network devices.",
    confusions: [
      "Old equipment still uses 1645/1646; the registered ports are 1812 (authentication) and 1813 (accounting).",
      "RADIUS is UDP and encrypts only the password; TACACS+ is TCP 49 and encrypts the whole body.",
    ],
    core: true,
  },
  {
    id: "tacacs",
    protocol: "TACACS+",
    name: "Terminal Access Controller Access-Control System Plus",
    ports: [{ number: 49, transports: ["tcp"], label: "TACACS+", iana: "tacacs" }],
    topic: "directory",
    purpose:
      "AAA for network device administration, separating authentication, authorisation and accounting.",
    confusions: ["TACACS+ is TCP 49; RADIUS is UDP 1812/1813."],
    core: true,
  },
  {
    id: "l2tp",
    protocol: "L2TP",
    name: "Layer 2 Tunneling Protocol",
    ports: [{ number: 1701, transports: ["udp"], label: "L2TP", iana: "l2tp" }],
    topic: "vpn",
    purpose: "A tunnel with no encryption of its own, normally run inside IPsec (L2TP/IPsec).",
    confusions: [
      "L2TP/IPsec also needs UDP 500 (IKE) and UDP 4500 (NAT traversal), plus IP protocol 50 (ESP).",
    ],
    core: true,
  },
  {
    id: "pptp",
    protocol: "PPTP",
    name: "Point-to-Point Tunneling Protocol",
    ports: [{ number: 1723, transports: ["tcp"], label: "PPTP control", iana: "pptp" }],
    topic: "vpn",
    purpose:
      "A legacy VPN: control on TCP 1723, tunnelled data in GRE (IP protocol 47). Considered broken.",
    confusions: [
      "GRE is IP protocol 47, not a port; a firewall must allow it separately for PPTP to work.",
    ],
    exceptions: [
      {
        number: 1723,
        transport: "tcp",
        reason:
          "IANA registers pptp on 1723, but Debian's netbase omits it from /etc/services; the port is as the exam expects.",
      },
    ],
    core: true,
  },
  {
    id: "ipsec",
    protocol: "IPsec IKE",
    name: "Internet Key Exchange for IPsec",
    ports: [
      { number: 500, transports: ["udp"], label: "IKE key exchange", iana: "isakmp" },
      { number: 4500, transports: ["udp"], label: "IPsec NAT traversal", iana: "ipsec-nat-t" },
    ],
    topic: "vpn",
    purpose:
      "Sets up IPsec tunnels: IKE negotiates keys on 500, and 4500 carries IKE and ESP when NAT sits in the path.",
    confusions: ["ESP (IP protocol 50) and AH (51) are protocols, not ports."],
    core: true,
  },
  {
    id: "rdp",
    protocol: "RDP",
    name: "Remote Desktop Protocol",
    ports: [{ number: 3389, transports: ["tcp"], label: "RDP", iana: "ms-wbt-server" }],
    topic: "remote",
    purpose: "Windows remote desktop. Exposing 3389 to the internet invites brute-force attacks.",
    confusions: [
      "The registry name is 'ms-wbt-server'. An RDP session always starts over TCP; newer versions can add a UDP side channel on the same number, but the answer to know is TCP.",
    ],
    core: true,
  },
  {
    id: "sip",
    protocol: "SIP",
    name: "Session Initiation Protocol",
    ports: [{ number: 5060, transports: ["tcp", "udp"], label: "SIP", iana: "sip" }],
    topic: "voice",
    purpose: "Sets up and tears down VoIP calls; the voice itself travels in RTP on other ports.",
    secure: ["sips"],
    confusions: [
      "SIP is 5060 (TCP or UDP), SIP over TLS 5061; RTP audio uses a separate range of UDP ports.",
    ],
    core: true,
  },
  {
    id: "sips",
    protocol: "SIP over TLS",
    name: "SIP over TLS (SIPS)",
    ports: [{ number: 5061, transports: ["tcp"], label: "SIP over TLS", iana: "sips" }],
    topic: "voice",
    purpose: "Call signalling inside TLS so call setup and credentials are encrypted.",
    confusions: ["Encrypting the signalling on 5061 does not encrypt the audio; that takes SRTP."],
    exceptions: [
      {
        number: 5061,
        transport: "tcp",
        reason: "IANA names 5061 'sips'; Debian's /etc/services lists the same port as 'sip-tls'.",
      },
    ],
    core: true,
  },
];
