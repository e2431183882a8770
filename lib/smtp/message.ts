/**
 * Message text the MTAs write: Received: headers (one per hop), the local delivery agent's
 * envelope headers, and delivery status notifications (RFC 3464) as Postfix words them.
 */

export interface ReceivedInfo {
  helo: string;
  clientName: string;
  clientIp: string;
  /** "TLSv1.3 with cipher ... (256/256 bits)" when smtpd_tls_received_header = yes. */
  tls: string | null;
  /** The SASL login when smtpd_sasl_authenticated_header = yes. */
  authUser: string | null;
  by: string;
  /** SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA (RFC 3848). */
  protocol: string;
  id: string;
  recipients: readonly string[];
  date: string;
}

/** The Received: header Postfix's smtpd prepends; continuation lines start with a TAB. */
export function receivedHeader(r: ReceivedInfo): string[] {
  const lines = [`Received: from ${r.helo || "unknown"} (${r.clientName} [${r.clientIp}])`];
  if (r.tls) lines.push(`\t(using ${r.tls})`);
  if (r.authUser) lines.push(`\t(Authenticated sender: ${r.authUser})`);
  if (r.recipients.length === 1) {
    lines.push(`\tby ${r.by} (Postfix) with ${r.protocol} id ${r.id}`);
    lines.push(`\tfor <${r.recipients[0]}>; ${r.date}`);
  } else {
    lines.push(`\tby ${r.by} (Postfix) with ${r.protocol} id ${r.id};`);
    lines.push(`\t${r.date}`);
  }
  return lines;
}

/** What Postfix's local(8) prepends when it writes to a mailbox. */
export function localDeliveryHeaders(sender: string, rcpt: string, mailbox: string): string[] {
  return [`Return-Path: <${sender}>`, `X-Original-To: ${rcpt}`, `Delivered-To: ${mailbox}`];
}

export interface DsnInfo {
  id: string;
  originalId: string;
  hostname: string;
  sender: string;
  arrival: string;
  date: string;
  timestamp: number;
  failed: ReadonlyArray<{ address: string; reason: string; dsn: string }>;
  originalLines: readonly string[];
}

/** A non-delivery report: multipart/report with a human part, delivery-status, and headers. */
export function buildDsn(d: DsnInfo): string[] {
  const boundary = `${d.id}.${Math.floor(d.timestamp / 1000)}/${d.hostname}`;
  const stamp = new Date(d.timestamp).toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const headerEnd = d.originalLines.indexOf("");
  const originalHeaders = headerEnd === -1 ? d.originalLines : d.originalLines.slice(0, headerEnd);
  const lines = [
    `Received: by ${d.hostname} (Postfix)`,
    `\tid ${d.id}; ${d.date}`,
    `Date: ${d.date}`,
    `From: MAILER-DAEMON@${d.hostname} (Mail Delivery System)`,
    `Subject: Undelivered Mail Returned to Sender`,
    `To: ${d.sender}`,
    `Auto-Submitted: auto-replied`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/report; report-type=delivery-status;`,
    `\tboundary="${boundary}"`,
    `Content-Transfer-Encoding: 7bit`,
    `Message-Id: <${stamp}.${d.id}@${d.hostname}>`,
    ``,
    `This is a MIME-encapsulated message.`,
    ``,
    `--${boundary}`,
    `Content-Description: Notification`,
    `Content-Type: text/plain; charset=us-ascii`,
    ``,
    `This is the mail system at host ${d.hostname}.`,
    ``,
    `I'm sorry to have to inform you that your message could not`,
    `be delivered to one or more recipients. It's attached below.`,
    ``,
    `For further assistance, please send mail to postmaster.`,
    ``,
    `If you do so, please include this problem report. You can`,
    `delete your own text from the attached returned message.`,
    ``,
    `                   The mail system`,
    ``,
  ];
  for (const f of d.failed) lines.push(`<${f.address}>: ${f.reason}`, ``);
  lines.push(
    `--${boundary}`,
    `Content-Description: Delivery report`,
    `Content-Type: message/delivery-status`,
    ``,
    `Reporting-MTA: dns; ${d.hostname}`,
    `X-Postfix-Queue-ID: ${d.originalId}`,
    `X-Postfix-Sender: rfc822; ${d.sender}`,
    `Arrival-Date: ${d.arrival}`,
  );
  for (const f of d.failed) {
    const remote = /^host ([^\[]+)\[/.exec(f.reason);
    const said = / said: (.*?)(?: \(in reply to .*\))?$/.exec(f.reason);
    lines.push(
      ``,
      `Final-Recipient: rfc822; ${f.address}`,
      `Original-Recipient: rfc822;${f.address}`,
    );
    lines.push(`Action: failed`, `Status: ${f.dsn}`);
    if (remote) lines.push(`Remote-MTA: dns; ${remote[1]}`);
    lines.push(`Diagnostic-Code: ${said ? `smtp; ${said[1]}` : `X-Postfix; ${f.reason}`}`);
  }
  lines.push(
    ``,
    `--${boundary}`,
    `Content-Description: Undelivered Message Headers`,
    `Content-Type: text/rfc822-headers`,
    `Content-Transfer-Encoding: 7bit`,
    ``,
    ...originalHeaders,
    ``,
    `--${boundary}--`,
  );
  return lines;
}
