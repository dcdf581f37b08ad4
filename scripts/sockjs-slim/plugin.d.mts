import type { Plugin } from 'vite';
/** Builds sockjs-client from source with a trimmed transport list (see plugin.mjs). */
export declare function sockjsSlim(): Plugin;
