export declare const PLACEHOLDER: string;
/** Returns the page with the stylesheet copies in its inline payload replaced by PLACEHOLDER. */
export declare function dropPayloadCss(html: string): { html: string; dropped: number };
