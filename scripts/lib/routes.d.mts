export declare function routeForFile(relPath: string): string;
export declare function exportedRoutes(outDir: string): { route: string; file: string }[];
