// Redis and PostgreSQL from Debian packages, run as child processes on 127.0.0.1 for the
// queue-mode test: free ports, data in temp dirs, no persistence, stopped by pid.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, runProcess, waitFor } from './n8n-host.mjs';

const POLICY_RC = '/usr/sbin/policy-rc.d';

function redisBinary() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);
}

/** Newest /usr/lib/postgresql/<version>/bin, or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres')));
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Installs redis-server and postgresql with apt-get when missing (CI machines may be fresh).
 * A temporary policy-rc.d stops the packages from starting their own system services.
 */
export async function ensureServicePackages({ log = console.log } = {}) {
	if (redisBinary() && postgresBinDir()) return;
	if (process.getuid() !== 0) {
		throw new Error(
			'redis-server or postgresql is missing: install them (apt-get install -y redis-server postgresql), or run as root',
		);
	}
	log('installing redis-server and postgresql with apt-get');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const addedPolicy = !existsSync(POLICY_RC);
	if (addedPolicy) await writeFile(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		const install = ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'];
		let result = await runProcess('apt-get', install, { env });
		if (result.code !== 0) {
			// Fresh machines have no package lists yet.
			await runProcess('apt-get', ['update'], { env });
			result = await runProcess('apt-get', install, { env });
		}
		if (result.code !== 0)
			throw new Error(`apt-get install failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
	} finally {
		if (addedPolicy) await rm(POLICY_RC, { force: true });
	}
	if (!redisBinary() || !postgresBinDir())
		throw new Error('redis-server or postgres still missing after apt-get install');
}

/** A child process we started, with its output kept in memory for error messages. */
function spawnService(name, cmd, args, options = {}) {
	const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return { name, child, pid: child.pid, exited: once(child, 'exit'), output: () => output };
}

/** Stops a service we started, by its pid: `signal` first, SIGKILL if it hangs. */
export async function stopService(service, signal = 'SIGTERM', timeoutMs = 15_000) {
	if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
	process.kill(service.pid, signal);
	const timer = setTimeout(() => service.child.kill('SIGKILL'), timeoutMs);
	await service.exited;
	clearTimeout(timer);
}

function tcpAnswers(port, request, expected) {
	return new Promise((resolvePromise) => {
		const socket = connect(port, '127.0.0.1');
		let data = '';
		socket.on('connect', () => socket.write(request));
		socket.on('data', (chunk) => {
			data += chunk;
			if (data.includes(expected)) {
				socket.destroy();
				resolvePromise(true);
			}
		});
		socket.on('error', () => resolvePromise(false));
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolvePromise(false);
		});
	});
}

async function waitUntilReady(service, check, what) {
	await Promise.race([
		waitFor(check, { timeoutMs: 60_000, what }),
		service.exited.then(([code]) => {
			throw new Error(`${service.name} exited with ${code}:\n${service.output().slice(-3000)}`);
		}),
	]);
}

/** redis-server on a free port, no RDB/AOF persistence. */
export async function startRedis() {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'n8n-e2e-redis-'));
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	];
	const service = spawnService('redis-server', redisBinary(), args);
	await waitUntilReady(service, () => tcpAnswers(port, 'PING\r\n', '+PONG'), 'redis PING');
	return { ...service, port, dir };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (its uid/gid). */
async function postgresUser() {
	if (process.getuid() !== 0) return {};
	const passwd = await readFile('/etc/passwd', 'utf8');
	const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('no postgres user (the postgresql package creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * PostgreSQL in a fresh temp cluster on a free port; initdb and postgres run as the `postgres`
 * user when we are root. Trust auth on 127.0.0.1 only; fsync off: nothing here needs to survive
 * a crash.
 */
export async function startPostgres() {
	const binDir = postgresBinDir();
	const user = await postgresUser();
	const dir = await mkdtemp(join(tmpdir(), 'n8n-e2e-pg-'));
	if (user.uid !== undefined) await chown(dir, user.uid, user.gid);
	const dataDir = join(dir, 'data');
	const asPostgres = {
		...user,
		cwd: dir,
		env: { PATH: `${binDir}:/usr/bin:/bin`, LANG: 'C.UTF-8', HOME: dir },
	};

	const init = await runProcess(
		join(binDir, 'initdb'),
		['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		asPostgres,
	);
	if (init.code !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

	const port = await freePort();
	const args = [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	];
	const service = spawnService('postgres', join(binDir, 'postgres'), args, asPostgres);
	const pgIsReady = async () =>
		(await runProcess(join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)])).code ===
		0;
	await waitUntilReady(service, pgIsReady, 'pg_isready');
	return { ...service, port, dir, user: 'postgres', database: 'postgres' };
}

/** PostgreSQL shuts down fastest and cleanly on SIGINT ("fast" shutdown). */
export async function stopPostgres(service) {
	await stopService(service, 'SIGINT');
	if (service?.dir) await rm(service.dir, { recursive: true, force: true });
}

export async function stopRedis(service) {
	await stopService(service, 'SIGTERM');
	if (service?.dir) await rm(service.dir, { recursive: true, force: true });
}
