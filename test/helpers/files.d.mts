// Generated from test/helpers/files.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * A file of this repository, as text.
 * @param {string} relativePath
 * @returns {string}
 */
export function readRepoFile(relativePath: string): string;
