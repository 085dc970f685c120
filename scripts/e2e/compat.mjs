// The compatibility table of the README, tied to what the e2e suite ran.
// Each line's run writes .cache/e2e-results/<line>.json; the README's table (between the
// `compatibility:start` / `compatibility:end` markers) must have, for every line that ran, the row
// rendered from its results. `npm run test:e2e -- --write-readme` rewrites those rows.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { N8N_LINES, REPO_ROOT } from '../lib/n8n-host.mjs';

export const RESULTS_DIR = join(REPO_ROOT, '.cache', 'e2e-results');
export const README = join(REPO_ROOT, 'README.md');
const START = '<!-- compatibility:start (rows written by npm run test:e2e -- --write-readme) -->';
const END = '<!-- compatibility:end -->';
const HEADER = ['| n8n line | Tested n8n version | Node.js | End-to-end suite |', '| --- | --- | --- | --- |'];

/** Saves one line's results: { line, n8n, node, passed, failed, checks, finishedAt }. */
export async function writeResults(results) {
	await mkdir(RESULTS_DIR, { recursive: true });
	const file = join(RESULTS_DIR, `${results.line}.json`);
	await writeFile(file, JSON.stringify(results, null, 2) + '\n');
	return file;
}

export async function readResults(line) {
	const file = join(RESULTS_DIR, `${line}.json`);
	return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : undefined;
}

/** The table row for one line's results. */
export function renderRow({ line, n8n, node, passed, failed }) {
	const verdict = failed === 0 && passed > 0 ? 'passes' : 'fails';
	return `| ${line} | ${n8n} | ${node} | ${verdict} |`;
}

/** The rows of the README table, keyed by n8n line. */
export function tableRows(readme) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md has no "${START}" … "${END}" block`);
	const rows = new Map();
	for (const row of readme.slice(start + START.length, end).split('\n')) {
		const cells = row.split('|').map((cell) => cell.trim());
		if (cells.length > 2 && cells[1] in N8N_LINES) rows.set(cells[1], row.trim());
	}
	return rows;
}

/** Throws unless the README's row of every given line equals the row rendered from its results. */
export function assertReadmeMatches(readme, resultsList) {
	const rows = tableRows(readme);
	const problems = [];
	for (const results of resultsList) {
		const expected = renderRow(results);
		const actual = rows.get(results.line);
		if (actual !== expected)
			problems.push(`README row for ${results.line}: ${actual ?? '(missing)'}\n  what ran:  ${expected}`);
	}
	for (const line of rows.keys()) {
		if (!(line in N8N_LINES)) problems.push(`README lists ${line}, which the suite does not run`);
	}
	if (problems.length)
		throw new Error(`${problems.join('\n')}\n(npm run test:e2e -- --write-readme updates the table)`);
}

/** Rewrites the table with the rows of the given results (other lines' rows are kept). */
export function updateReadme(readme, resultsList) {
	const rows = tableRows(readme);
	for (const results of resultsList) rows.set(results.line, renderRow(results));
	const ordered = Object.keys(N8N_LINES)
		.filter((line) => rows.has(line))
		.map((line) => rows.get(line));
	const start = readme.indexOf(START) + START.length;
	const end = readme.indexOf(END);
	return `${readme.slice(0, start)}\n${[...HEADER, ...ordered].join('\n')}\n${readme.slice(end)}`;
}

/** Checks (or with `write`, rewrites) the README table for the lines that ran. */
export async function checkReadme(resultsList, { write = false } = {}) {
	const readme = await readFile(README, 'utf8');
	if (write) {
		await writeFile(README, updateReadme(readme, resultsList));
		return;
	}
	assertReadmeMatches(readme, resultsList);
}
