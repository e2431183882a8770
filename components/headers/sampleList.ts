/** The sample buttons' labels, without the sample texts (those load on demand from ./samples). */
export const SAMPLE_TITLES: readonly { id: string; title: string }[] = [
  { id: "gmail-arc", title: "Gmail: forwarded, with an ARC seal" },
  { id: "dmarc-fail", title: "DMARC failure after forwarding" },
  { id: "exchange", title: "Exchange Online: 5 hours in a queue" },
  { id: "outlook", title: "Outlook (Exchange Online) to Gmail" },
  { id: "mailing-list", title: "Mailing list: SPF and DMARC fail, ARC passes" },
  { id: "spam", title: "Spam with a forged first hop" },
  { id: "bounce", title: "Bounce: a server clock runs fast" },
];
