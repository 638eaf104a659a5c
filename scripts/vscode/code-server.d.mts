// Types for code-server.mjs (used by the TypeScript e2e helper).
export declare const CODE_SERVER_VERSION: string;
export declare const PROFILE_SETTINGS: Record<string, unknown>;
export interface Profile {
  dir: string;
  locale: string;
  userDataDir: string;
  extensionsDir: string;
  config: string;
  logFile: string;
  dispose(): void;
}
export interface CodeServer {
  url: string;
  authority: string;
  pid: number;
  stop(): Promise<void>;
}
export interface Workspace {
  dir: string;
  dispose(): void;
}
export declare function cacheRoot(): string;
export declare function codeServerHome(): string;
export declare function codeServerEntry(home?: string): string;
export declare function ensureCodeServer(options?: { log?: (message: string) => void }): Promise<string>;
export declare function createProfile(options?: { locale?: string; settings?: Record<string, unknown>; prefix?: string }): Profile;
export declare function createWorkspace(prefix?: string): Workspace;
export declare function codeServerCli(home: string, profile: Profile, args: string[], options?: { timeoutMs?: number }): Promise<string>;
export declare function startCodeServer(options: {
  home: string;
  profile: Profile;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
  log?: (message: string) => void;
}): Promise<CodeServer>;
export declare function remoteUri(server: CodeServer, path: string): string;
export declare function workbenchUrl(
  server: CodeServer,
  options?: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string;
