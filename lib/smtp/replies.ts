/**
 * Reply texts, one table, as the Postfix SMTP server (smtpd) words them. The three-digit code
 * follows RFC 5321 section 4.2; the x.y.z enhanced code follows RFC 3463 (class.subject.detail).
 *
 * Postfix 3.x answers an unknown verb with 500 5.5.2 "Error: command not recognized" (RFC 5321
 * 4.2.4: 500 is "command unrecognized"), and it has no HELP, so HELP gets the same 500. This was
 * checked against a real Postfix 3.7.11 session. Postfix 2.x and earlier sent 502 for the same
 * line, and older transcripts still show that. We follow the current server, so a learner who
 * later types these lines into one sees the same thing.
 */
export interface Reply {
  code: number;
  lines: string[];
}

const r = (code: number, text: string): Reply => ({ code, lines: [text] });

export const REPLY = {
  /** 250: requested action okay (RSET, NOOP). */
  ok: r(250, "2.0.0 Ok"),
  /** 250 2.1.0: originator ok (RFC 3463 X.1.0 "other address status"). */
  senderOk: r(250, "2.1.0 Ok"),
  /** 250 2.1.5: destination address valid. */
  recipientOk: r(250, "2.1.5 Ok"),
  /** 354: start mail input. Postfix sends no enhanced code here (RFC 2034 exempts 354). */
  startData: r(354, "End data with <CR><LF>.<CR><LF>"),
  bye: r(221, "2.0.0 Bye"),
  readyTls: r(220, "2.0.0 Ready to start TLS"),
  /** 500: command unrecognized (Postfix 3's answer to unknown verbs and HELP). */
  unknownCommand: r(500, "5.5.2 Error: command not recognized"),
  /** 500: syntax error, command unrecognised (an empty line). */
  badSyntax: r(500, "5.5.2 Error: bad syntax"),
  lineTooLong: r(500, "5.5.2 Error: line too long"),
  heloFirst: r(503, "5.5.1 Error: send HELO/EHLO first"),
  needMail: r(503, "5.5.1 Error: need MAIL command"),
  needRcpt: r(503, "5.5.1 Error: need RCPT command"),
  nestedMail: r(503, "5.5.1 Error: nested MAIL command"),
  noValidRecipients: r(554, "5.5.1 Error: no valid recipients"),
  mailSyntax: r(501, "5.5.4 Syntax: MAIL FROM:<address>"),
  rcptSyntax: r(501, "5.5.4 Syntax: RCPT TO:<address>"),
  dataSyntax: r(501, "5.5.4 Syntax: DATA"),
  rsetSyntax: r(501, "5.5.4 Syntax: RSET"),
  quitSyntax: r(501, "5.5.4 Syntax: QUIT"),
  starttlsSyntax: r(501, "5.5.4 Syntax: STARTTLS"),
  vrfySyntax: r(501, "5.5.4 Syntax: VRFY address"),
  etrnSyntax: r(500, "5.5.4 Syntax: ETRN domain"),
  /** HELO/EHLO errors carry no enhanced code: the client has not yet learned the server supports them. */
  heloSyntax: r(501, "Syntax: HELO hostname"),
  ehloSyntax: r(501, "Syntax: EHLO hostname"),
  badSender: r(501, "5.1.7 Bad sender address syntax"),
  badRecipient: r(501, "5.1.3 Bad recipient address syntax"),
  badBody: r(501, "5.5.4 Bad BODY keyword value"),
  badSize: r(501, "5.5.4 Bad message size syntax"),
  tooManyRecipients: r(452, "4.5.3 Error: too many recipients"),
  sizeExceeded: r(552, "5.3.4 Message size exceeds fixed limit"),
  vrfyDisabled: r(502, "5.5.1 VRFY command is disabled"),
  mustStartTls: r(530, "5.7.0 Must issue a STARTTLS command first"),
  tlsAlreadyActive: r(554, "5.5.1 Error: TLS already active"),
  tlsNotAvailable: r(502, "5.5.1 Error: command not implemented"),
  authOk: r(235, "2.7.0 Authentication successful"),
  authFailed: r(535, "5.7.8 Error: authentication failed: authentication failure"),
  authAborted: r(501, "5.7.0 Authentication aborted"),
  authAlready: r(503, "5.5.1 Error: already authenticated"),
  authInTransaction: r(503, "5.5.1 Error: MAIL transaction in progress"),
  authNotEnabled: r(503, "5.5.1 Error: authentication not enabled"),
  authSyntax: r(501, "5.5.4 Syntax: AUTH mechanism"),
  authBadMechanism: r(535, "5.7.8 Error: authentication failed: Invalid authentication mechanism"),
  /** Postfix with Dovecot SASL checks the base64 before passing it on. */
  authBadInitial: r(
    535,
    "5.7.8 Error: authentication failed: Invalid base64 data in initial response",
  ),
  authBadContinued: r(
    535,
    "5.7.8 Error: authentication failed: Invalid base64 data in continued response",
  ),
  badRet: r(501, "5.5.4 Bad RET parameter syntax"),
  badEnvid: r(501, "5.5.4 Bad ENVID parameter syntax"),
  badNotify: r(501, "5.5.4 Error: Bad NOTIFY parameter syntax"),
  badOrcpt: r(501, "5.5.4 Error: Bad ORCPT parameter syntax"),
  authDisabledParam: r(503, "5.5.4 Error: authentication disabled"),
  configError: r(451, "4.3.5 Server configuration error"),
  etrnOk: r(250, "Queuing started"),
  /** AUTH LOGIN prompts: base64 of "Username:" and "Password:". */
  loginUser: r(334, "VXNlcm5hbWU6"),
  loginPass: r(334, "UGFzc3dvcmQ6"),
  /** AUTH PLAIN without an initial response: an empty challenge. */
  plainChallenge: r(334, ""),
} as const satisfies Record<string, Reply>;

export const relayDenied = (rcpt: string, temporary: boolean): Reply =>
  temporary
    ? r(454, `4.7.1 <${rcpt}>: Relay access denied`)
    : r(554, `5.7.1 <${rcpt}>: Relay access denied`);

export const userUnknown = (rcpt: string): Reply =>
  r(550, `5.1.1 <${rcpt}>: Recipient address rejected: User unknown in local recipient table`);

export const recipientRejected = (rcpt: string): Reply =>
  r(554, `5.7.1 <${rcpt}>: Recipient address rejected: Access denied`);

/** After a connect-time client reject (smtpd_delay_reject = no): every command but QUIT. */
export const accessDenied = (name: string, ip: string): Reply =>
  r(503, `5.7.0 Error: access denied for ${name}[${ip}]`);

export const clientRejected = (name: string, ip: string): Reply =>
  r(554, `5.7.1 <${name}[${ip}]>: Client host rejected: Access denied`);

export const unsupportedOption = (param: string): Reply =>
  r(555, `5.5.4 Unsupported option: ${param}`);

export const vrfyOk = (address: string): Reply => r(252, `2.0.0 ${address}`);

export const queued = (id: string): Reply => r(250, `2.0.0 Ok: queued as ${id}`);

/** The 220 greeting: "220 " and smtpd_banner ("$myhostname ESMTP $mail_name"), expanded. */
export const greetingReply = (banner: string): Reply => r(220, banner);

export const heloReply = (hostname: string): Reply => r(250, hostname);

/** A busy server: what Postfix's postscreen says when every smtpd process is taken. */
export const allPortsBusy: Reply = r(421, "4.3.2 All server ports are busy");

/** A temporary refusal at RCPT, as an access map's DEFER action words it (4.7.1). */
export const busyRecipient = (rcpt: string): Reply =>
  r(450, `4.7.1 <${rcpt}>: Recipient address rejected: Service is busy, try again later`);

export const mailboxFull = (rcpt: string): Reply => r(552, `5.2.2 <${rcpt}>: Mailbox full`);
