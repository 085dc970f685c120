// Generated from scripts/declarations.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * A compiler host that parses each library declaration once for every program made with it.
 * @param {import('typescript').CompilerOptions} options
 * @param {Map<string, import('typescript').SourceFile>} [cache]
 * @returns {import('typescript').CompilerHost}
 */
export function cachingHost(options: import("typescript").CompilerOptions, cache?: Map<string, import("typescript").SourceFile>): import("typescript").CompilerHost;
/**
 * The declarations of DECLARED_MODULES, as `{ 'simulator/server.d.mts': text, ... }`. Throws when a
 * kept declaration refers to a module whose declaration is not kept (its types would be lost).
 * @param {Map<string, import('typescript').SourceFile>} [cache] parsed library files to share with other programs
 * @returns {Record<string, string>}
 */
export function generateDeclarations(cache?: Map<string, import("typescript").SourceFile>): Record<string, string>;
/**
 * Declarations whose committed text differs from the generated one (missing ones included).
 * @returns {string[]}
 */
export function staleDeclarations(): string[];
/**
 * Writes the declarations next to their modules.
 * @returns {string[]} the files written
 */
export function writeDeclarations(): string[];
/** @type {string} */
export const ROOT: string;
/**
 * The modules other code imports from TypeScript; only their declarations are kept.
 * @type {string[]}
 */
export const DECLARED_MODULES: string[];
