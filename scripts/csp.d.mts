export declare function pinScripts(html: string): { html: string; hashes: number };
