import type { ScenarioQuestion } from "./schema";

/** Situations a candidate meets on the exam, each answered by one port. */
export const PORT_SCENARIOS: readonly ScenarioQuestion[] = [
  {
    id: "laptop-submits-with-auth",
    prompt:
      "A laptop user's mail client sends new mail to the company server, upgrading the session with STARTTLS and then authenticating. Which port does it connect to?",
    answer: { entry: "submission", port: 587 },
    distractors: [
      { entry: "smtp", port: 25 },
      { entry: "imaps", port: 993 },
      { entry: "pop3", port: 110 },
    ],
    explanation:
      "Submission (RFC 6409) on 587 is where clients hand in mail: STARTTLS, then AUTH. Port 25 is for servers relaying to each other.",
    learn: { href: "/lab?scenario=telecommuter", label: "Submit on 587 as a telecommuter" },
  },
  {
    id: "client-implicit-tls",
    prompt:
      "A mail client is set to 'SSL/TLS' (not STARTTLS) for outgoing mail, so TLS starts the moment it connects. Which port should it use?",
    answer: { entry: "submissions", port: 465 },
    distractors: [
      { entry: "submission", port: 587 },
      { entry: "smtp", port: 25 },
      { entry: "imaps", port: 993 },
    ],
    explanation:
      "Implicit TLS submission is 465, registered as 'submissions' by RFC 8314. 587 begins in plain text and upgrades with STARTTLS.",
    learn: { href: "/lab?scenario=port-25-blocked", label: "Send when port 25 is blocked" },
  },
  {
    id: "mx-receives",
    prompt:
      "Another company's mail server delivers a message to your domain's MX host. Which port must the MX accept connections on?",
    answer: { entry: "smtp", port: 25 },
    distractors: [
      { entry: "submission", port: 587 },
      { entry: "submissions", port: 465 },
      { entry: "imap", port: 143 },
    ],
    explanation:
      "Servers relay to each other on 25 and do not authenticate; the MX accepts mail for its own domains there.",
    learn: { href: "/lab?scenario=mail-firewall", label: "Open the mail server's firewall" },
  },
  {
    id: "home-isp-blocks-25",
    prompt:
      "An ISP blocks outbound connections to port 25 from home addresses. Which port lets a home user still send through their provider's mail server?",
    answer: { entry: "submission", port: 587 },
    distractors: [
      { entry: "smtp", port: 25 },
      { entry: "pop3", port: 110 },
      { entry: "http", port: 80 },
    ],
    explanation:
      "The block stops spam bots talking to MX servers directly. Authenticated submission on 587 is not blocked and still reaches the ISP's relay.",
    learn: { href: "/lab?scenario=port-25-blocked", label: "Try it with port 25 blocked" },
  },
  {
    id: "phone-reads-mail-encrypted",
    prompt:
      "A phone keeps mail on the server so a laptop sees the same folders, and the connection must be encrypted from the start. Which port?",
    answer: { entry: "imaps", port: 993 },
    distractors: [
      { entry: "pop3s", port: 995 },
      { entry: "imap", port: 143 },
      { entry: "submissions", port: 465 },
    ],
    explanation:
      "Keeping mail on the server is IMAP; with TLS from the first byte it is IMAPS on 993.",
  },
  {
    id: "admin-replaces-telnet",
    prompt:
      "An auditor finds administrators managing switches over Telnet. Which port should the replacement protocol use?",
    answer: { entry: "ssh", port: 22 },
    distractors: [
      { entry: "telnet", port: 23 },
      { entry: "rdp", port: 3389 },
      { entry: "https", port: 443 },
    ],
    explanation:
      "SSH on 22 gives the same remote shell with encryption and key-based authentication.",
  },
  {
    id: "central-logs-reliable",
    prompt:
      "Logs sent to the SIEM must not be read or altered in transit. Which port does the encrypted log transport use?",
    answer: { entry: "syslog-tls", port: 6514 },
    distractors: [
      { entry: "syslog", port: 514 },
      { entry: "snmp", port: 162 },
      { entry: "https", port: 443 },
    ],
    explanation:
      "Syslog over TLS (RFC 5425) is TCP 6514; plain syslog on UDP 514 is neither encrypted nor reliable.",
  },
  {
    id: "directory-encrypted",
    prompt:
      "An application binds to Active Directory with a service account, and the bind must be encrypted without StartTLS. Which port?",
    answer: { entry: "ldaps", port: 636 },
    distractors: [
      { entry: "ldap", port: 389 },
      { entry: "kerberos", port: 88 },
      { entry: "smb", port: 445 },
    ],
    explanation: "LDAPS on 636 starts TLS immediately. Port 389 would need StartTLS to encrypt.",
  },
  {
    id: "wifi-8021x",
    prompt:
      "Enterprise Wi-Fi access points forward 802.1X logins to a central authentication server. Which port do those requests go to?",
    answer: { entry: "radius", port: 1812 },
    distractors: [
      { entry: "radius", port: 1813 },
      { entry: "tacacs", port: 49 },
      { entry: "ldap", port: 389 },
    ],
    explanation:
      "RADIUS authentication is UDP 1812; 1813 receives accounting records after the login.",
  },
  {
    id: "device-traps",
    prompt:
      "A router must alert the monitoring station the moment a link goes down, without being polled. Which port does the station listen on?",
    answer: { entry: "snmp", port: 162 },
    distractors: [
      { entry: "snmp", port: 161 },
      { entry: "syslog", port: 514 },
      { entry: "ntp", port: 123 },
    ],
    explanation: "Unsolicited SNMP traps go to the manager on UDP 162; polling the agent uses 161.",
  },
  {
    id: "pxe-boot-file",
    prompt:
      "A diskless workstation downloads its boot image over the network with no login at all. Which port does that transfer use?",
    answer: { entry: "tftp", port: 69 },
    distractors: [
      { entry: "ftp", port: 21 },
      { entry: "dhcp", port: 67 },
      { entry: "sftp", port: 22 },
    ],
    explanation:
      "Network boot fetches its file with TFTP on UDP 69, which has no authentication at all.",
  },
  {
    id: "windows-share-direct",
    prompt:
      "A firewall between two offices must allow modern Windows file sharing and nothing from the NetBIOS era. Which port?",
    answer: { entry: "smb", port: 445 },
    distractors: [
      { entry: "netbios", port: 139 },
      { entry: "netbios", port: 137 },
      { entry: "rdp", port: 3389 },
    ],
    explanation: "SMB directly over TCP is 445. NetBIOS session service on 139 is the legacy path.",
  },
  {
    id: "remote-desktop-exposed",
    prompt:
      "A scan shows brute-force attempts against a Windows server's remote desktop from the internet. Which port should the firewall close?",
    answer: { entry: "rdp", port: 3389 },
    distractors: [
      { entry: "ssh", port: 22 },
      { entry: "smb", port: 445 },
      { entry: "mssql", port: 1433 },
    ],
    explanation:
      "RDP listens on 3389; put it behind a VPN or gateway rather than on the open internet.",
  },
  {
    id: "relay-looks-up-mx",
    prompt:
      "A relay has a message for a remote domain and must find out which host takes that domain's mail. Which port does it query?",
    answer: { entry: "dns", port: 53 },
    distractors: [
      { entry: "smtp", port: 25 },
      { entry: "ldap", port: 389 },
      { entry: "dhcp", port: 67 },
    ],
    explanation:
      "The relay asks DNS for the domain's MX records on port 53 before it connects on 25.",
    learn: { href: "/lab?scenario=isp-relay", label: "Watch the MX lookup in the lab" },
  },
  {
    id: "voip-signalling-encrypted",
    prompt: "VoIP phones must set up calls over an encrypted signalling channel. Which port?",
    answer: { entry: "sips", port: 5061 },
    distractors: [
      { entry: "sip", port: 5060 },
      { entry: "https", port: 443 },
      { entry: "ipsec", port: 500 },
    ],
    explanation: "SIP over TLS uses 5061; plain SIP is 5060.",
  },
];
