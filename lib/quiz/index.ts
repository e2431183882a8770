export * from "./answer";
export * from "./cards";
export * from "./firewall";
export * from "./progress";
export * from "./questions";
export * from "./rng";
export * from "./schedule";
export * from "./session";
export * from "./decks";
export * from "./exam";
export * from "./pbq-match";
export * from "./pbq-network";
export * from "./search-keywords";

// Not re-exported: pbq-transcript and pbq-dmarc run the SMTP engine (and its DKIM crypto), so
// importing them from here would put the whole engine into every quiz mode's chunk, the drill's
// and the exam's too. The PBQ mode imports them directly.
