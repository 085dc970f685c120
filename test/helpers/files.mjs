// Node built-ins for tests live in .mjs files: the lint rules for .ts files forbid them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A file of this repository, as text.
 * @param {string} relativePath
 * @returns {string}
 */
export function readRepoFile(relativePath) {
	return readFileSync(join(root, relativePath), 'utf8');
}

/**
 * Whether a file or folder of this repository exists.
 * @param {string} relativePath
 * @returns {boolean}
 */
export function repoPathExists(relativePath) {
	return existsSync(join(root, relativePath));
}
