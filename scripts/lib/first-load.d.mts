export declare const XTERM_MARKER: string;
export declare function scriptSources(html: string): string[];
export declare function measurePage(
  outDir: string,
  htmlFile: string,
): {
  chunks: { src: string; raw: number; gzip: number; xterm: boolean }[];
  raw: number;
  gzip: number;
  xterm: boolean;
};
