// Shared set-up for the end-to-end scripts: the package under test, the OpenProspect simulator
// and the credential, in real mode or (with --stub) with the development stand-ins.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { REPO_ROOT, packPackage } from '../lib/n8n-host.mjs';
import { STUB_PACKAGE, startStubSimulator, writeStubPackage } from './dev-stub.mjs';

export const REAL_PACKAGE = 'n8n-nodes-openprospect';
export const CREDENTIAL = {
	id: 'opE2eCredential01',
	name: 'OpenProspect (simulator)',
	type: 'openProspectApi',
};

/** --stub, --keep, --examples=DIR (default: examples/ of the repo). */
export function parseFlags(argv = process.argv.slice(2)) {
	const examples = argv.find((arg) => arg.startsWith('--examples='))?.slice('--examples='.length);
	const stub = argv.includes('--stub');
	return {
		stub,
		keep: argv.includes('--keep'),
		// The stub only validates keys: with --stub, no examples unless a folder is given.
		examplesDir: examples ? resolve(examples) : stub ? undefined : join(REPO_ROOT, 'examples'),
	};
}

/** Packs the package under test; returns { tarball, packageName, cleanup() }. */
export async function preparePackage({ stub }) {
	if (stub) {
		const dir = await writeStubPackage(await mkdtemp(join(tmpdir(), 'n8n-e2e-stub-')));
		const tarball = await packPackage(dir);
		return { tarball, packageName: STUB_PACKAGE, cleanup: () => removeAll(dir, dirname(tarball)) };
	}
	const entry = join(REPO_ROOT, 'dist', 'nodes', 'OpenProspect', 'OpenProspect.node.js');
	if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
	const tarball = await packPackage(REPO_ROOT);
	return { tarball, packageName: REAL_PACKAGE, cleanup: () => removeAll(dirname(tarball)) };
}

async function removeAll(...dirs) {
	for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}

/** Starts the OpenProspect simulator (or the stub) on a free port. */
export async function startOpenProspect({ stub }, options = {}) {
	if (stub) return await startStubSimulator(options);
	const { startSimulator } = await import('../../simulator/server.mjs');
	return await startSimulator(options);
}

/** The simulator's request counters by route, e.g. { 'GET /api/v1/orders/{order_id}': 2 }. */
export function requestCounts(sim) {
	return { ...sim.counters.byRoute };
}

/** Requests made between two snapshots of requestCounts(). */
export function countsDelta(before, after) {
	const delta = {};
	for (const [key, value] of Object.entries(after)) {
		const added = value - (before[key] ?? 0);
		if (added > 0) delta[key] = added;
	}
	return delta;
}

/** Writes the credential JSON for `n8n import:credentials`; the plain `data` is encrypted on import. */
export async function writeCredentialFile(dir, sim) {
	const file = join(dir, 'credentials.json');
	const credential = { ...CREDENTIAL, data: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } };
	await writeFile(file, JSON.stringify([credential], null, 2));
	return file;
}

/** Node credentials block pointing at the imported credential. */
export function credentialRef() {
	return { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
}
