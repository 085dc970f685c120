// `npm run test:e2e`: the packed package in the real n8n CLI, against the OpenProspect simulator,
// on every n8n line of the compatibility matrix (scripts/lib/n8n-host.mjs: newest 1.x on Node 22,
// 2.x on Node 24). Build first (`npm run build`). Flags: --line=1.x,2.x (default: all lines),
// --stub (development stand-ins instead of the real package and simulator), --keep (keep the n8n
// user folders), --examples=DIR, --write-readme (rewrite the README's compatibility rows from
// this run instead of checking them).
//
// Per line:
//  0. every n8n-workflow export the built package uses exists in that n8n's n8n-workflow;
//  1. install the packed package as a community node into a fresh n8n user folder;
//  2. import the credential, the example workflows (examples/*.json), a smoke workflow and the
//     AI-tool workflow (tool.mjs);
//  3. run each executable one with `n8n execute --id` and assert its output (examples.mjs);
//  4. `n8n start`: node types loaded (incl. the tool variant), credential test with the right and
//     a wrong key, activation of trigger-started examples.
// Then each line's results go to .cache/e2e-results/<line>.json, and the README's compatibility
// table must match them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	N8N_LINES,
	ensureN8nHost,
	fetchFresh,
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
import { missingWorkflowExports, usedWorkflowExports } from './apis.mjs';
import { checkReadme, writeResults } from './compat.mjs';
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
import { assertToolCall, toolWorkflow } from './tool.mjs';

// Simulated time runs 10x: an order completes one second after it is created.
const SIMULATOR_OPTIONS = { speed: 10 };
const report = createReport({ title: 'test:e2e' });
const flags = parseFlags();
const lineIds = parseLines(process.argv.slice(2));
const writeReadme = process.argv.includes('--write-readme');
const cleanups = [];

function parseLines(argv) {
	const value = argv.find((arg) => arg.startsWith('--line='))?.slice('--line='.length);
	const lines = value ? value.split(',').filter(Boolean) : Object.keys(N8N_LINES);
	for (const line of lines) {
		if (!(line in N8N_LINES)) throw new Error(`unknown --line ${line} (known: ${Object.keys(N8N_LINES).join(', ')})`);
	}
	return lines;
}

const outputTail = (result) => (result.stdout + result.stderr).slice(-3000);

/** One line's run: its host, its checks (prefixed with the line) and their outcomes. */
function lineRun(host) {
	const outcomes = [];
	const prefix = `[n8n ${host.line.n8n}]`;
	return {
		host,
		async check(name, fn) {
			let ok = false;
			const value = await report.check(`${prefix} ${name}`, async () => {
				const result = await fn();
				ok = true;
				return result;
			});
			outcomes.push({ name, ok });
			return value;
		},
		step: (message) => report.step(`${prefix} ${message}`),
		outcomes,
		exitCrashes: 0,
	};
}

async function runN8nOrThrow(run, args, userFolder) {
	const result = await runN8nCommand(args, { userFolder, host: run.host });
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${outputTail(result)}`);
	}
	return result;
}

async function setUp(run, tarball) {
	const userFolder = await mkdtemp(join(tmpdir(), `n8n-e2e-user-${run.host.line.id}-`));
	cleanups.push(() =>
		flags.keep || report.failed
			? console.log(`kept ${userFolder}`)
			: rm(userFolder, { recursive: true, force: true }),
	);
	const installed = await installCommunityPackage(userFolder, tarball);
	run.step(`installed ${installed.name}@${installed.version} into ${installed.packageDir}`);
	const sim = await startOpenProspect(flags, SIMULATOR_OPTIONS);
	cleanups.push(() => sim.close());
	run.step(`simulator at ${sim.baseUrl}`);
	return { userFolder, sim };
}

async function importEverything(run, { userFolder, packageName, sim }) {
	const credentialFile = await writeCredentialFile(userFolder, sim);
	await run.check('import credential (openProspectApi)', () =>
		runN8nOrThrow(run, ['import:credentials', `--input=${credentialFile}`], userFolder),
	);

	const examples = [smokeExample({ packageName }), ...(await loadExamples(flags.examplesDir))];
	const prepared = examples.map((example, index) => ({
		...example,
		workflow: prepareWorkflow(example, index, { packageName }),
	}));
	const workflows = prepared.map((example) => example.workflow);
	if (!flags.stub) workflows.push(toolWorkflow({ packageName, n8nVersion: run.host.line.n8n }));
	const workflowFile = join(userFolder, 'workflows.json');
	await writeFile(workflowFile, JSON.stringify(workflows, null, 2));
	const imported = await run.check(
		`import ${workflows.length} workflows (${workflows.map((w) => w.name).join(', ')})`,
		() => runN8nOrThrow(run, ['import:workflow', `--input=${workflowFile}`], userFolder),
	);
	return imported ? prepared : [];
}

async function execute(run, workflowId, { userFolder, sim }) {
	const before = requestCounts(sim);
	const result = await runN8nCommand(['execute', `--id=${workflowId}`, '--rawOutput'], {
		userFolder,
		host: run.host,
	});
	const parsed = parseExecuteOutput(result.stdout);
	if (!parsed) throw new Error(`no result JSON (exit ${result.code})\n${outputTail(result)}`);
	// The line's known crash while exiting (see N8N_LINES), only after a finished result: the exit
	// code it would have had follows from the result's status.
	const { executeExitCrash } = run.host.line;
	if (executeExitCrash && result.signal === executeExitCrash && parsed.finished !== undefined) {
		run.exitCrashes += 1;
		result.code = parsed.status === 'success' ? 0 : 1;
	}
	return { result, parsed, requests: countsDelta(before, requestCounts(sim)) };
}

async function executeExample(run, example, context) {
	const { result, parsed, requests } = await execute(run, example.workflow.id, context);
	assertExecution(parsed, example.expect, requests);
	const expectedExit = (example.expect.status ?? 'success') === 'success' ? 0 : 1;
	assert(
		result.code === expectedExit,
		`n8n execute exited ${result.code}${result.signal ? ` (${result.signal})` : ''}, expected ${expectedExit}\n${outputTail(result)}`,
	);
}

async function fetchNodeTypes(baseUrl, cookie) {
	const response = await fetchFresh(`${baseUrl}/types/nodes.json`, { headers: { cookie } });
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

/**
 * Activates a trigger-started example; its immediate poll must not fail. n8n 2.x activates in the
 * background and reports a publication status; 1.x activates within the request (no such route).
 */
async function activateExample(example, rest) {
	const { id } = example.workflow;
	const current = await rest('GET', `/rest/workflows/${id}`);
	assert(current.ok, `GET workflow ${id}: ${current.status}`);
	const activated = await rest('POST', `/rest/workflows/${id}/activate`, {
		versionId: current.json.data.versionId,
	});
	assert(activated.ok, `activate answered ${activated.status}: ${activated.text}`);
	const publication = await rest('GET', `/rest/workflows/${id}/publication-status`);
	if (publication.status === 404) {
		assert(activated.json?.data?.active === true, `not active after activation: ${activated.text.slice(0, 300)}`);
	} else {
		const status = await waitFor(
			async () => {
				const { json } = await rest('GET', `/rest/workflows/${id}/publication-status`);
				return ['published', 'partial', 'failed'].includes(json?.data?.status) && json.data;
			},
			{ timeoutMs: 30_000, what: 'publication status' },
		);
		assert(status.status === 'published', `publication status ${JSON.stringify(status)}`);
	}
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

async function checkRunningN8n(run, { userFolder, packageName, sim }, examples) {
	const port = await freePort();
	const n8n = await run.check('n8n start is ready', () =>
		startN8n({ userFolder, port, host: run.host }),
	);
	if (!n8n) return;
	cleanups.push(() => stopN8n(n8n));
	const cookie = await run.check('owner set up over REST', () => setupOwner(n8n.baseUrl));
	if (!cookie) return;
	const rest = restClient(n8n.baseUrl, cookie);

	const types = await run.check('/types/nodes.json served', () =>
		fetchNodeTypes(n8n.baseUrl, cookie),
	);
	for (const name of ['openProspect', 'openProspectTrigger', 'openProspectTool']) {
		await run.check(`node type ${packageName}.${name} loaded`, () =>
			assert(types?.has(`${packageName}.${name}`), 'not in /types/nodes.json'),
		);
	}
	await run.check('credential test with the simulator key answers OK', async () => {
		const result = await testCredential(rest, sim, sim.apiKey);
		assert(result?.status === 'OK', `got ${JSON.stringify(result)}`);
	});
	await run.check('credential test with a wrong key answers an error', async () => {
		const result = await testCredential(rest, sim, `${sim.apiKey}-wrong`);
		assert(result?.status === 'Error', `got ${JSON.stringify(result)}`);
		run.step(`wrong key message: ${result.message}`);
	});
	for (const example of examples.filter((e) => runModeOf(e) === 'activate')) {
		await run.check(`example ${example.name}: activates and polls without error`, () =>
			activateExample(example, rest),
		);
	}
	await stopN8n(n8n);
}

async function runLine(lineId, { tarball, packageName }) {
	const host = await ensureN8nHost({ line: lineId, log: report.step });
	const run = lineRun(host);
	run.step(`n8n ${host.line.n8n} on Node ${host.line.node} (${host.n8nBin})`);
	if (!flags.stub) {
		await run.check('every n8n-workflow export the package uses exists in this n8n', async () => {
			const used = await usedWorkflowExports();
			const missing = await missingWorkflowExports(host, used);
			assert(used.length > 0, 'found no use of n8n-workflow in dist/');
			assert(missing.length === 0, `missing: ${missing.join(', ')}`);
		});
	}
	const context = { packageName, ...(await setUp(run, tarball)) };
	const examples = await importEverything(run, context);
	for (const example of examples.filter((e) => runModeOf(e) === 'execute')) {
		await run.check(`example ${example.name}: n8n execute output as expected`, () =>
			executeExample(run, example, context),
		);
	}
	if (!flags.stub && examples.length) {
		await run.check('AI tool: a tool call with $fromAI() arguments runs Prospect Search → Get Many', async () => {
			const { parsed, requests } = await execute(run, toolWorkflow({ packageName, n8nVersion: run.host.line.n8n }).id, context);
			assertToolCall(parsed, requests);
		});
	}
	await checkRunningN8n(run, context, examples);
	if (run.exitCrashes) {
		run.step(`n8n execute crashed with ${host.line.executeExitCrash} while exiting ${run.exitCrashes}× (known n8n issue, results complete)`);
	}
	const passed = run.outcomes.filter((o) => o.ok).length;
	const results = {
		line: lineId,
		n8n: host.line.n8n,
		node: host.line.node,
		passed,
		failed: run.outcomes.length - passed,
		checks: run.outcomes,
		executeExitCrashes: run.exitCrashes,
		finishedAt: new Date().toISOString(),
	};
	if (!flags.stub) run.step(`results: ${await writeResults(results)}`);
	return results;
}

async function main() {
	const { tarball, packageName, cleanup } = await preparePackage(flags);
	cleanups.push(cleanup);
	report.step(`packed ${tarball}`);
	const resultsList = [];
	for (const lineId of lineIds) {
		try {
			resultsList.push(await runLine(lineId, { tarball, packageName }));
		} catch (error) {
			report.fail(`n8n ${lineId}`, error);
			resultsList.push({ line: lineId, ...N8N_LINES[lineId], passed: 0, failed: 1 });
		}
	}
	if (flags.stub) return;
	await report.check(
		writeReadme
			? 'README compatibility table rewritten from this run'
			: 'README compatibility table matches what ran',
		() => checkReadme(resultsList, { write: writeReadme }),
	);
}

await runScript({ report, cleanups, timeoutMs: 12 * 60_000 * lineIds.length }, main);
