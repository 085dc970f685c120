// `npm run test:e2e`: the packed package in the real n8n CLI (2.41.1, Node 24), against the
// OpenProspect simulator. Build first (`npm run build`); flags: --stub (development stand-ins
// instead of the real package and simulator), --keep (keep the n8n user folder).
//
//  1. pack the repo, install it as a community node into a fresh n8n user folder;
//  2. import the credential, the example workflows (examples/*.json) and a built-in smoke workflow;
//  3. run each executable one with `n8n execute --id` and assert its output (examples.mjs);
//  4. `n8n start`: node types loaded, credential test with the right and a wrong key, activation
//     of trigger-started examples.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ensureN8nHost,
	freePort,
	installCommunityPackage,
	parseExecuteOutput,
	restClient,
	runN8nCommand,
	setupOwner,
	startN8n,
	stopN8n,
	waitFor,
} from '../lib/n8n-host.mjs';
import { assert, createReport, runScript } from '../lib/report.mjs';
import {
	CREDENTIAL,
	countsDelta,
	parseFlags,
	preparePackage,
	requestCounts,
	startOpenProspect,
	writeCredentialFile,
} from './common.mjs';
import {
	assertExecution,
	loadExamples,
	prepareWorkflow,
	runModeOf,
	smokeExample,
} from './examples.mjs';

// Simulated time runs 10x: an order completes one second after it is created.
const SIMULATOR_OPTIONS = { speed: 10 };
const report = createReport({ title: 'test:e2e' });
const flags = parseFlags();
const cleanups = [];

const outputTail = (result) => (result.stdout + result.stderr).slice(-3000);

async function runN8nOrThrow(args, userFolder) {
	const result = await runN8nCommand(args, { userFolder });
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${outputTail(result)}`);
	}
	return result;
}

async function setUp() {
	const host = await ensureN8nHost({ log: report.step });
	report.step(`n8n host ready (${host.n8nBin})`);
	const { tarball, packageName, cleanup } = await preparePackage(flags);
	cleanups.push(cleanup);
	report.step(`packed ${tarball}`);

	const userFolder = await mkdtemp(join(tmpdir(), 'n8n-e2e-user-'));
	cleanups.push(() =>
		flags.keep || report.failed
			? console.log(`kept ${userFolder}`)
			: rm(userFolder, { recursive: true, force: true }),
	);
	const installed = await installCommunityPackage(userFolder, tarball);
	report.step(`installed ${installed.name}@${installed.version} into ${installed.packageDir}`);

	const sim = await startOpenProspect(flags, SIMULATOR_OPTIONS);
	cleanups.push(() => sim.close());
	report.step(`simulator at ${sim.baseUrl}`);
	return { userFolder, packageName, sim };
}

async function importEverything({ userFolder, packageName, sim }) {
	const credentialFile = await writeCredentialFile(userFolder, sim);
	await report.check('import credential (openProspectApi)', () =>
		runN8nOrThrow(['import:credentials', `--input=${credentialFile}`], userFolder),
	);

	const examples = [smokeExample({ packageName }), ...(await loadExamples(flags.examplesDir))];
	const prepared = examples.map((example, index) => ({
		...example,
		workflow: prepareWorkflow(example, index, { packageName }),
	}));
	const workflowFile = join(userFolder, 'workflows.json');
	const workflows = prepared.map((example) => example.workflow);
	await writeFile(workflowFile, JSON.stringify(workflows, null, 2));
	const imported = await report.check(
		`import ${prepared.length} workflows (${prepared.map((e) => e.name).join(', ')})`,
		() => runN8nOrThrow(['import:workflow', `--input=${workflowFile}`], userFolder),
	);
	return imported ? prepared : [];
}

async function executeExample(example, { userFolder, sim }) {
	const before = requestCounts(sim);
	const result = await runN8nCommand(['execute', `--id=${example.workflow.id}`, '--rawOutput'], {
		userFolder,
	});
	const parsed = parseExecuteOutput(result.stdout);
	if (!parsed) throw new Error(`no result JSON (exit ${result.code})\n${outputTail(result)}`);
	assertExecution(parsed, example.expect, countsDelta(before, requestCounts(sim)));
	const expectedExit = (example.expect.status ?? 'success') === 'success' ? 0 : 1;
	assert(
		result.code === expectedExit,
		`n8n execute exited ${result.code}, expected ${expectedExit}`,
	);
}

async function fetchNodeTypes(baseUrl, cookie) {
	const response = await fetch(`${baseUrl}/types/nodes.json`, { headers: { cookie } });
	assert(response.ok, `/types/nodes.json answered ${response.status}`);
	return new Set((await response.json()).map((type) => type.name));
}

async function testCredential(rest, sim, apiKey) {
	const body = {
		credentials: {
			id: CREDENTIAL.id,
			name: CREDENTIAL.name,
			type: CREDENTIAL.type,
			data: { apiKey, baseUrl: sim.baseUrl },
		},
	};
	const response = await rest('POST', '/rest/credentials/test', body);
	assert(response.ok, `/rest/credentials/test answered ${response.status}: ${response.text}`);
	return response.json.data;
}

/** Activates a trigger-started example; it must publish, and its immediate poll must not fail. */
async function activateExample(example, rest) {
	const { id } = example.workflow;
	const current = await rest('GET', `/rest/workflows/${id}`);
	assert(current.ok, `GET workflow ${id}: ${current.status}`);
	const activated = await rest('POST', `/rest/workflows/${id}/activate`, {
		versionId: current.json.data.versionId,
	});
	assert(activated.ok, `activate answered ${activated.status}: ${activated.text}`);
	const status = await waitFor(
		async () => {
			const { json } = await rest('GET', `/rest/workflows/${id}/publication-status`);
			return ['published', 'partial', 'failed'].includes(json?.data?.status) && json.data;
		},
		{ timeoutMs: 30_000, what: 'publication status' },
	);
	assert(status.status === 'published', `publication status ${JSON.stringify(status)}`);
	const executions = await rest(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id }))}`,
	);
	const failed = (executions.json?.data?.results ?? []).filter(
		(e) => e.status === 'error' || e.status === 'crashed',
	);
	assert(failed.length === 0, `${failed.length} failed executions after activation`);
	await rest('POST', `/rest/workflows/${id}/deactivate`, {});
}

async function checkRunningN8n({ userFolder, packageName, sim }, examples) {
	const port = await freePort();
	const n8n = await report.check('n8n start is ready', () => startN8n({ userFolder, port }));
	if (!n8n) return;
	cleanups.push(() => stopN8n(n8n));
	const cookie = await report.check('owner set up over REST', () => setupOwner(n8n.baseUrl));
	if (!cookie) return;
	const rest = restClient(n8n.baseUrl, cookie);

	const types = await report.check('/types/nodes.json served', () =>
		fetchNodeTypes(n8n.baseUrl, cookie),
	);
	for (const name of ['openProspect', 'openProspectTrigger', 'openProspectTool']) {
		await report.check(`node type ${packageName}.${name} loaded`, () =>
			assert(types?.has(`${packageName}.${name}`), 'not in /types/nodes.json'),
		);
	}
	await report.check('credential test with the simulator key answers OK', async () => {
		const result = await testCredential(rest, sim, sim.apiKey);
		assert(result?.status === 'OK', `got ${JSON.stringify(result)}`);
	});
	await report.check('credential test with a wrong key answers an error', async () => {
		const result = await testCredential(rest, sim, `${sim.apiKey}-wrong`);
		assert(result?.status === 'Error', `got ${JSON.stringify(result)}`);
		report.step(`wrong key message: ${result.message}`);
	});
	for (const example of examples.filter((e) => runModeOf(e) === 'activate')) {
		await report.check(`example ${example.name}: activates and polls without error`, () =>
			activateExample(example, rest),
		);
	}
}

async function main() {
	const context = await setUp();
	const examples = await importEverything(context);
	for (const example of examples.filter((e) => runModeOf(e) === 'execute')) {
		await report.check(`example ${example.name}: n8n execute output as expected`, () =>
			executeExample(example, context),
		);
	}
	await checkRunningN8n(context, examples);
}

await runScript({ report, cleanups, timeoutMs: 10 * 60_000 }, main);
