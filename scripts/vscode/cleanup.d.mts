// Types for cleanup.mjs (used by the TypeScript e2e helper).
export declare function onCleanup(undo: () => unknown): () => void;
export declare function cleanupAll(): Promise<void>;
export declare function killGroup(pid: number, signal?: NodeJS.Signals): boolean;
export declare function groupAlive(pid: number): boolean;
export declare function stopGroup(pid: number, graceMs?: number): Promise<void>;
export declare function trackGroup(pid: number): () => void;
export declare function trackDir(dir: string): () => void;
