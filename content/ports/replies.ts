import type { ReplyCode } from "./schema";

/** SMTP replies (RFC 5321, enhanced codes RFC 3463) as a Postfix server words them. */
export const REPLY_CODES: readonly ReplyCode[] = [
  {
    code: "220",
    text: "mail.example.net ESMTP Postfix",
    meaning: "The service is ready: the server's greeting.",
    when: "A client has just connected.",
  },
  {
    code: "221",
    enhanced: "2.0.0",
    text: "Bye",
    meaning: "The server is closing the connection normally.",
    when: "The client sent QUIT.",
  },
  {
    code: "235",
    enhanced: "2.7.0",
    text: "Authentication successful",
    meaning: "AUTH succeeded; the client may now relay as that user.",
    when: "A telecommuter's client logged in on port 587.",
    learn: { href: "/lab?scenario=telecommuter", label: "Authenticate on 587" },
  },
  {
    code: "250",
    enhanced: "2.0.0",
    text: "Ok: queued as 4FD2A1C0B3",
    meaning: "The requested action was completed; after DATA it means the server took the message.",
    when: "The message ended with a lone dot and the server accepted it.",
  },
  {
    code: "354",
    text: "End data with <CR><LF>.<CR><LF>",
    meaning: "Go ahead and send the message; end it with a line holding only a dot.",
    when: "The client sent DATA after a valid sender and recipient.",
  },
  {
    code: "421",
    enhanced: "4.3.2",
    text: "Service not available, closing transmission channel",
    meaning: "The server is shutting the connection; try again later.",
    when: "The server is overloaded or going down for maintenance.",
  },
  {
    code: "450",
    enhanced: "4.2.0",
    text: "<bob@corp.example>: Recipient address rejected: Greylisted, try again later",
    meaning: "A temporary failure for this mailbox: the sender should queue the mail and retry.",
    when: "The recipient's server is greylisting or the mailbox is briefly unavailable.",
  },
  {
    code: "500",
    enhanced: "5.5.2",
    text: "Error: command not recognized",
    meaning: "The server does not know the command that was sent.",
    when: "A client typed a command the server does not implement.",
  },
  {
    code: "503",
    enhanced: "5.5.1",
    text: "Error: need RCPT command",
    meaning: "The commands came in the wrong order.",
    when: "A client sent DATA before giving any recipient.",
  },
  {
    code: "530",
    enhanced: "5.7.0",
    text: "Must issue a STARTTLS command first",
    meaning: "The server insists on encryption before this command.",
    when: "A client tried to authenticate on 587 without STARTTLS.",
  },
  {
    code: "535",
    enhanced: "5.7.8",
    text: "Error: authentication failed",
    meaning: "The username or password was wrong.",
    when: "AUTH PLAIN was sent with a bad password.",
  },
  {
    code: "550",
    enhanced: "5.1.1",
    text: "<nobody@corp.example>: Recipient address rejected: User unknown in local recipient table",
    meaning: "A permanent failure: that mailbox does not exist here.",
    when: "Mail was addressed to a user the domain does not have.",
  },
  {
    code: "552",
    enhanced: "5.2.2",
    text: "Mailbox full",
    meaning: "The recipient's mailbox has no room for the message.",
    when: "The recipient is over quota.",
  },
  {
    code: "554",
    enhanced: "5.7.1",
    text: "<carol@far.example>: Relay access denied",
    meaning:
      "The server refuses to relay: the recipient is not local and the client is neither trusted nor authenticated.",
    when: "An outsider tried to send mail for a remote domain through a closed relay.",
    learn: { href: "/lab?scenario=closed-relay", label: "Get refused by a closed relay" },
  },
];
