export declare const XTERM_MARKER: string;
export declare const CRYPTO_MARKER: RegExp;
export declare function scriptSources(html: string): string[];
export declare function measurePage(
  outDir: string,
  htmlFile: string,
): {
  chunks: { src: string; raw: number; gzip: number; xterm: boolean; crypto: boolean }[];
  raw: number;
  gzip: number;
  xterm: boolean;
  crypto: boolean;
};
