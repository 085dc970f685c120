// The real n8n editor with this package, the simulator, an owner, a credential and the examples:
// what `npm run editor` starts (run.mjs) and `npm run test:editor` checks (scripts/e2e/editor.mjs).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEFAULT_LINE,
	OWNER,
	ensureN8nHost,
	freePort,
	installCommunityPackage,
	runN8nCommand,
	setupOwner,
	startN8n,
	stopN8n,
} from '../lib/n8n-host.mjs';
import { preparePackage, startOpenProspect, writeCredentialFile } from '../e2e/common.mjs';
import { loadExamples, prepareWorkflow } from '../e2e/examples.mjs';
import { REPO_ROOT } from '../lib/n8n-host.mjs';

async function runOrThrow(args, options) {
	const result = await runN8nCommand(args, options);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${(result.stdout + result.stderr).slice(-3000)}`);
	}
}

/**
 * Starts everything; returns { url, owner, sim, n8n, workflows, stop() }. `stop()` ends what was
 * started, last first, and removes the throwaway n8n user folder; it is also called when start-up
 * fails half-way.
 */
export async function startEditor({
	line = DEFAULT_LINE,
	port,
	simulatorPort = 0,
	log = console.log,
} = {}) {
	const stops = [];
	const stop = async () => {
		for (const fn of stops.splice(0).reverse()) await fn().catch((error) => log(`stop: ${error.message}`));
	};
	try {
		const host = await ensureN8nHost({ line, log });
		const { tarball, packageName, cleanup } = await preparePackage({ stub: false });
		stops.push(cleanup);
		const userFolder = await mkdtemp(join(tmpdir(), 'n8n-editor-'));
		stops.push(() => rm(userFolder, { recursive: true, force: true }));
		await installCommunityPackage(userFolder, tarball);

		// Speed 10: an order completes within seconds, so the examples finish while you watch.
		const sim = await startOpenProspect({ stub: false }, { speed: 10, port: simulatorPort });
		stops.push(() => sim.close());

		const credentialFile = await writeCredentialFile(userFolder, sim);
		await runOrThrow(['import:credentials', `--input=${credentialFile}`], { userFolder, host });
		const examples = await loadExamples(join(REPO_ROOT, 'examples'));
		const workflows = examples.map((example, index) => prepareWorkflow(example, index, { packageName }));
		const workflowFile = join(userFolder, 'workflows.json');
		await writeFile(workflowFile, JSON.stringify(workflows, null, 2));
		await runOrThrow(['import:workflow', `--input=${workflowFile}`], { userFolder, host });

		const n8n = await startN8n({ userFolder, port: port ?? (await freePort()), host, name: 'editor' });
		stops.push(() => stopN8n(n8n));
		await setupOwner(n8n.baseUrl, OWNER);
		return {
			url: n8n.baseUrl,
			owner: OWNER,
			sim,
			n8n,
			host,
			packageName,
			workflows: workflows.map(({ id, name }) => ({ id, name })),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
