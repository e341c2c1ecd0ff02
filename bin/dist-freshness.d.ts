// Types of dist-freshness.js (plain JavaScript so bin/sosik.js needs no loader to use it).
export declare const STAMP_FILE: string;
export declare function newestMtime(dir: string): number;
export declare function distState(root: string): 'missing' | 'stale' | 'fresh';
