export declare function paintFirst(html: string): { html: string; scripts: number };
export declare function deferredSources(html: string): string[];
