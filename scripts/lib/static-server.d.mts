import type { Server } from "node:http";

export declare function contentType(file: string): string;
export declare function resolveFile(root: string, urlPath: string): Promise<string | null>;
export declare function trailingSlashRedirect(
  root: string,
  urlPath: string,
  search?: string,
): Promise<string | null>;
export declare function createStaticServer(options: {
  root: string;
  log?: (line: string) => void;
  security?: boolean;
}): Server;
export declare function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  log?: (line: string) => void;
  security?: boolean;
}): Promise<{ server: Server; port: number; origin: string; close: () => Promise<void> }>;
