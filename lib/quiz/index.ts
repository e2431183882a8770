export * from "./answer";
export * from "./cards";
export * from "./firewall";
export * from "./progress";
export * from "./questions";
export * from "./rng";
export * from "./schedule";
export * from "./session";
