// Types of serve.mjs, for the tests that start it.
import type {Server} from "node:http";

export declare const defaultRoot: string;
export declare const MAX_HEADER_BYTES: number;
export declare function contentType(file: string): string;
export declare function requestPath(target: string): string | null;
export declare function resolvePath(root: string, urlPath: string): Promise<string | null>;
export declare function startServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<{server: Server; url: string; close: () => Promise<void>}>;
