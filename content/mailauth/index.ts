/**
 * Quiz facts on email authentication (SY0-701 4.5): which record, which DNS name, what a header
 * shows, what follows from given records. Each is one card with one right answer and three wrong
 * ones; `records` questions are re-checked against the engine's SPF and DMARC in the unit tests.
 */
export interface MailAuthFact {
  id: string;
  prompt: string;
  /** Shown in monospace above the prompt: a record or a header. */
  code?: string;
  answer: string;
  wrong: [string, string, string];
  explanation: string;
  /** For "which SPF result" questions: the records, address and sender the engine re-checks. */
  check?: {
    /** TXT records by name. */
    txt: Record<string, string[]>;
    ip: string;
    sender: string;
  };
}

export const MAILAUTH_FACTS: readonly MailAuthFact[] = [
  {
    id: "spf-where",
    prompt: "Where does example.com publish its SPF policy?",
    answer: "A TXT record at example.com itself, starting v=spf1",
    wrong: [
      "A TXT record at _spf.example.com, starting v=DMARC1",
      "An MX record at example.com listing the allowed senders",
      "A TXT record at selector._domainkey.example.com",
    ],
    explanation:
      "SPF (RFC 7208) lives in a TXT record at the domain named in MAIL FROM. The old SPF record type was retired; _spf names exist only as include targets by convention.",
  },
  {
    id: "dmarc-where",
    prompt: "At which DNS name does a receiver look for example.com's DMARC policy?",
    answer: "_dmarc.example.com (TXT)",
    wrong: ["example.com (TXT)", "dmarc._domainkey.example.com (TXT)", "_dmarc.example.com (MX)"],
    explanation:
      "DMARC (RFC 7489) policies are TXT records at _dmarc. followed by the From domain; if none exists there, the organizational domain's _dmarc name is tried.",
  },
  {
    id: "dkim-where",
    prompt:
      "A message carries DKIM-Signature: v=1; a=ed25519-sha256; d=example.com; s=mail2026; ... Where is the public key?",
    answer: "A TXT record at mail2026._domainkey.example.com",
    wrong: [
      "A TXT record at _dmarc.example.com",
      "A TXT record at example.com, next to the SPF record",
      "Inside the DKIM-Signature header, in the b= tag",
    ],
    explanation:
      "The receiver builds the name from the selector (s=) and the domain (d=): selector._domainkey.domain. The b= tag is the signature itself, not the key.",
  },
  {
    id: "spf-checks-what",
    prompt: "Which identity does SPF check?",
    answer: "The domain of the envelope sender (MAIL FROM), or the HELO name for bounces",
    wrong: [
      "The domain in the From header the reader sees",
      "The domain in the Reply-To header",
      "The domain that signed the message in DKIM-Signature",
    ],
    explanation:
      "SPF compares the connecting IP with the record of the MAIL FROM domain (HELO when MAIL FROM is empty). It never reads the From header; DMARC ties the two together.",
  },
  {
    id: "dmarc-alignment",
    prompt: "What does DMARC add to SPF and DKIM?",
    answer: "It requires a passing SPF or DKIM domain to align with the From header's domain",
    wrong: [
      "It encrypts the message between the two mail servers",
      "It signs the body with the sender's personal certificate",
      "It lists the IP addresses allowed to send for the domain",
    ],
    explanation:
      "DMARC passes only when SPF or DKIM passes for a domain aligned with the From domain, and publishes what receivers should do otherwise (none, quarantine, reject).",
  },
  {
    id: "header-shows",
    code: "Authentication-Results: mx.partner.example; spf=pass smtp.mailfrom=lists.example; dkim=fail header.d=corp.example; dmarc=fail header.from=corp.example",
    prompt: "Which check failed because the message was changed after it was signed?",
    answer: "DKIM",
    wrong: ["SPF", "DMARC alignment of SPF only", "TLS"],
    explanation:
      "dkim=fail means the signature by header.d=corp.example no longer verifies: a signed header or the body changed in transit, as when a list tags the Subject. DMARC then fails because the SPF pass (lists.example) is not aligned with corp.example.",
  },
  {
    id: "quarantine-means",
    prompt: "A domain publishes v=DMARC1; p=quarantine. What happens to its mail that fails DMARC?",
    answer: "Receivers treat it as suspicious, typically delivering it to the Junk folder",
    wrong: [
      "Receivers refuse it with 550 5.7.1 during the SMTP session",
      "Receivers deliver it normally and only send aggregate reports",
      "Receivers hold it in their queue and retry later",
    ],
    explanation:
      "p=none only monitors, p=quarantine marks failing mail as suspicious (Junk), and p=reject asks the receiver to refuse it, usually with 550 5.7.1 at the end of DATA.",
  },
  {
    id: "forwarding",
    prompt:
      "corp.example signs with DKIM and publishes SPF and DMARC. A university forwards a message unchanged to the recipient's work address. What does the final receiver see?",
    answer: "SPF fails, DKIM passes, DMARC passes through the aligned DKIM signature",
    wrong: [
      "SPF passes, DKIM fails, DMARC fails",
      "SPF and DKIM both fail, so DMARC fails",
      "SPF passes and DMARC passes, because forwarding keeps the connecting IP",
    ],
    explanation:
      "The forwarder connects from its own address, which corp.example's SPF does not list, but the unchanged message still carries a valid d=corp.example signature, which aligns with the From domain.",
  },
  {
    id: "seg",
    prompt: "What does a secure email gateway add on top of SPF, DKIM and DMARC?",
    answer: "Content filtering: malware and link scanning, phishing and spam detection, DLP",
    wrong: [
      "A DNS record that lists the organization's mail servers",
      "End-to-end encryption with each user's certificate",
      "Replacement of SMTP with a proprietary protocol",
    ],
    explanation:
      "SPF, DKIM and DMARC only say whether the sending domain is genuine. A secure email gateway inspects what the mail contains and where its links go, and often enforces the three checks as well.",
  },
  {
    id: "smime",
    prompt:
      "Which technology lets a recipient verify that a specific person wrote a message, and keeps its content confidential end to end?",
    answer: "S/MIME",
    wrong: ["DKIM", "SPF", "STARTTLS"],
    explanation:
      "S/MIME (RFC 8551) signs and encrypts with each person's X.509 certificate. DKIM vouches only for the domain's server, SPF for the connecting IP, and STARTTLS protects one hop.",
  },
  {
    id: "spf-result-fail",
    code: 'corp.example.  TXT  "v=spf1 ip4:192.0.2.0/24 -all"',
    prompt:
      "A server at 198.51.100.66 sends with MAIL FROM:<ceo@corp.example>. What is the SPF result?",
    answer: "fail",
    wrong: ["pass", "softfail", "none"],
    explanation:
      "198.51.100.66 is outside 192.0.2.0/24, so the evaluation reaches -all, whose qualifier - gives fail.",
    check: {
      txt: { "corp.example": ["v=spf1 ip4:192.0.2.0/24 -all"] },
      ip: "198.51.100.66",
      sender: "ceo@corp.example",
    },
  },
  {
    id: "spf-result-softfail",
    code: 'corp.example.  TXT  "v=spf1 ip4:192.0.2.25 ~all"',
    prompt:
      "A server at 203.0.113.10 sends with MAIL FROM:<alice@corp.example>. What is the SPF result?",
    answer: "softfail",
    wrong: ["pass", "fail", "neutral"],
    explanation: "The address does not match ip4:192.0.2.25, so ~all applies: softfail.",
    check: {
      txt: { "corp.example": ["v=spf1 ip4:192.0.2.25 ~all"] },
      ip: "203.0.113.10",
      sender: "alice@corp.example",
    },
  },
  {
    id: "spf-result-permerror",
    code: 'corp.example.  TXT  "v=spf1 mx -all"\ncorp.example.  TXT  "v=spf1 ip4:192.0.2.25 -all"',
    prompt:
      "A server at 192.0.2.25 sends with MAIL FROM:<bob@corp.example>. What is the SPF result?",
    answer: "permerror",
    wrong: ["pass", "fail", "none"],
    explanation:
      "Two v=spf1 records at one name are a permanent error (RFC 7208 4.5): the receiver cannot tell which one the domain meant.",
    check: {
      txt: { "corp.example": ["v=spf1 mx -all", "v=spf1 ip4:192.0.2.25 -all"] },
      ip: "192.0.2.25",
      sender: "bob@corp.example",
    },
  },
];
