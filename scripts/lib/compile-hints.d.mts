export declare const COMPILE_HINT: string;
export declare function withCompileHint(source: string): string;
export declare function shiftSourceMap(text: string, lines?: number): string;
