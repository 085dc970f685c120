// Generated from test/helpers/files.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * A file of this repository, as text.
 * @param {string} relativePath
 * @returns {string}
 */
export function readRepoFile(relativePath: string): string;
/**
 * Whether a file or folder of this repository exists.
 * @param {string} relativePath
 * @returns {boolean}
 */
export function repoPathExists(relativePath: string): boolean;
