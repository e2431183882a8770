export declare const DEFAULT_CHROMIUM: string;
export declare const CHROMIUM_FLAGS: string[];
export declare const INSTALL_HINT: string;
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function requireChromium(env?: NodeJS.ProcessEnv): string;
