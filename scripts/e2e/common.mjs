// Shared set-up for the end-to-end scripts: the package under test, the OpenProspect simulator
// and the credential, in real mode or (with --stub) with the development stand-ins.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT, packPackage } from '../lib/n8n-host.mjs';
import { STUB_PACKAGE, startStubSimulator, writeStubPackage } from './dev-stub.mjs';

export const REAL_PACKAGE = 'n8n-nodes-openprospect';
export const CREDENTIAL = { id: 'opE2eCredential01', name: 'OpenProspect (simulator)', type: 'openProspectApi' };

export function parseFlags(argv = process.argv.slice(2)) {
	return {
		stub: argv.includes('--stub'),
		keep: argv.includes('--keep'),
	};
}

/** Packs the package under test; returns { tarball, packageName }. */
export async function preparePackage({ stub }) {
	if (stub) {
		const dir = await writeStubPackage(await mkdtemp(join(tmpdir(), 'n8n-e2e-stub-')));
		return { tarball: await packPackage(dir), packageName: STUB_PACKAGE };
	}
	const entry = join(REPO_ROOT, 'dist', 'nodes', 'OpenProspect', 'OpenProspect.node.js');
	if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
	return { tarball: await packPackage(REPO_ROOT), packageName: REAL_PACKAGE };
}

/** Starts the OpenProspect simulator (or the stub) on a free port. */
export async function startOpenProspect({ stub }) {
	if (stub) return await startStubSimulator();
	const { startSimulator } = await import('../../simulator/server.mjs');
	return await startSimulator({ port: 0 });
}

/**
 * The simulator's request counters as a plain { 'METHOD /path': count } object.
 * Accepts a Map, a plain object, or a function returning either.
 */
export function requestCounts(sim) {
	let counters = sim.counters;
	if (typeof counters === 'function') counters = counters();
	if (counters instanceof Map) return Object.fromEntries(counters);
	return { ...counters };
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
