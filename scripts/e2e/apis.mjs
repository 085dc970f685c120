// Which n8n-workflow exports the built package uses at run time, and whether an n8n line's own
// n8n-workflow (the copy the package gets inside that n8n) has every one of them. This covers
// code paths the example workflows do not reach.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { REPO_ROOT, runProcess } from '../lib/n8n-host.mjs';

async function jsFiles(dir) {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Names read from `require("n8n-workflow")` in dist/ (tsc's CommonJS: `<alias>.<name>`). */
export async function usedWorkflowExports(distDir = join(REPO_ROOT, 'dist')) {
	const names = new Set();
	for (const file of await jsFiles(distDir)) {
		const code = await readFile(file, 'utf8');
		for (const [, alias] of code.matchAll(/(\w+)\s*=\s*require\("n8n-workflow"\)/g)) {
			for (const [, name] of code.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) names.add(name);
		}
	}
	return [...names].sort();
}

/** The names among `names` that this host's n8n-workflow does not export (checked under its Node). */
export async function missingWorkflowExports(host, names) {
	const n8nManifest = JSON.stringify(join(host.dir, 'node_modules', 'n8n', 'package.json'));
	const script = `
		const workflow = require('node:module').createRequire(${n8nManifest})('n8n-workflow');
		const names = ${JSON.stringify(names)};
		console.log(JSON.stringify(names.filter((name) => workflow[name] === undefined)));`;
	const result = await runProcess(host.nodeBin, ['-e', script], { cwd: host.dir });
	if (result.code !== 0) throw new Error(`could not load n8n-workflow: ${result.stderr.slice(-1500)}`);
	return JSON.parse(result.stdout.trim().split('\n').at(-1));
}
