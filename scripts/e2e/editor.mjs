// `npm run test:editor`: runs `npm run editor`'s script (scripts/editor/run.mjs) headless, reads
// what it prints, and checks it as a user would find it: the editor answers, the printed login
// signs in, the node types and the simulator credential are there, the examples are imported and
// one of them runs through the editor's own REST call; then Ctrl-C (SIGINT) must stop everything.
// Build first (`npm run build`). Flag: --line=1.x|2.x (default 2.x).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import {
	N8N_LINES,
	REPO_ROOT,
	fetchFresh,
	freePort,
	hostFor,
	parseFlatted,
	restClient,
	signIn,
	waitFor,
} from '../lib/n8n-host.mjs';
import { assert, createReport, runScript } from '../lib/report.mjs';
import { CREDENTIAL, REAL_PACKAGE } from './common.mjs';
import { assertExecution, loadExamples } from './examples.mjs';

const report = createReport({ title: 'test:editor' });
const cleanups = [];
const line = process.argv.find((a) => a.startsWith('--line='))?.slice(7) ?? '2.x';
const EXAMPLE = 'discovery-order-to-csv';

const portAnswers = (port) =>
	new Promise((resolvePromise) => {
		const socket = connect(port, '127.0.0.1');
		socket.on('connect', () => (socket.destroy(), resolvePromise(true)));
		socket.on('error', () => resolvePromise(false));
	});

/** Runs a workflow as the editor's "Execute workflow" button does; returns the finished execution. */
async function runFromEditor(rest, host, workflowId) {
	const { json } = await rest('GET', `/rest/workflows/${workflowId}`);
	const workflowData = json.data;
	const trigger = workflowData.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const started = await rest('POST', `/rest/workflows/${workflowId}/run`, {
		workflowData,
		triggerToStartFrom: { name: trigger.name },
	});
	assert(started.ok, `run answered ${started.status}: ${started.text.slice(0, 500)}`);
	const executionId = started.json?.data?.executionId;
	assert(executionId, `no execution id: ${started.text.slice(0, 500)}`);
	const execution = await waitFor(
		async () => {
			const { json: e } = await rest('GET', `/rest/executions/${executionId}`);
			return e?.data && !['new', 'running', 'waiting'].includes(e.data.status) && e.data;
		},
		{ timeoutMs: 120_000, intervalMs: 500, what: `execution ${executionId}` },
	);
	const data = typeof execution.data === 'string' ? parseFlatted(execution.data, host) : execution.data;
	return { status: execution.status, data };
}

/** Starts the editor script; resolves with what it printed once it says it is ready. */
async function startEditorScript(port) {
	const child = spawn(process.execPath, ['scripts/editor/run.mjs', `--line=${line}`, `--port=${port}`], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = once(child, 'exit');
	cleanups.push(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGINT');
			await exited;
		}
	});
	await Promise.race([
		waitFor(() => output.includes('Press Ctrl-C'), { timeoutMs: 30 * 60_000, intervalMs: 500, what: 'the editor to be ready' }),
		exited.then(([code]) => {
			throw new Error(`npm run editor exited ${code}:\n${output.slice(-3000)}`);
		}),
	]);
	const field = (pattern) => pattern.exec(output)?.[1];
	return {
		child,
		exited,
		output: () => output,
		url: field(/n8n editor:\s+(\S+)/),
		owner: { email: field(/email:\s+(\S+)/), password: field(/password:\s+(\S+)/) },
		sim: { baseUrl: field(/OpenProspect simulator:\s+(\S+)/), apiKey: field(/API key (\S+);/) },
		workflowIds: [...output.matchAll(/\/workflow\/(\S+)/g)].map((match) => match[1]),
	};
}

async function main() {
	assert(line in N8N_LINES, `unknown --line ${line}`);
	assert(
		existsSync(join(REPO_ROOT, 'dist', 'nodes', 'OpenProspect', 'OpenProspect.node.js')),
		'dist/ is missing: run `npm run build` first',
	);
	const host = hostFor(line);
	const editor = await startEditorScript(await freePort());
	const { url, owner, sim } = editor;
	report.step(`editor at ${url} (n8n ${host.line.n8n}), simulator at ${sim.baseUrl}`);
	await report.check('npm run editor prints the URL, the login and the simulator', () =>
		assert(url && owner.email && owner.password && sim.baseUrl && sim.apiKey, editor.output()),
	);

	await report.check('the editor answers with its page', async () => {
		const response = await fetchFresh(`${url}/`);
		const html = await response.text();
		assert(response.ok && /<html/i.test(html) && /n8n/i.test(html), `GET / answered ${response.status}`);
	});
	const cookie = await report.check('the printed login signs in', () => signIn(url, owner));
	assert(cookie, 'cannot go on without a session');
	const rest = restClient(url, cookie);

	await report.check('the three node types of the package are offered', async () => {
		const response = await fetchFresh(`${url}/types/nodes.json`, { headers: { cookie } });
		const names = new Set((await response.json()).map((type) => type.name));
		for (const name of ['openProspect', 'openProspectTrigger', 'openProspectTool']) {
			assert(names.has(`${REAL_PACKAGE}.${name}`), `${REAL_PACKAGE}.${name} missing`);
		}
	});
	await report.check('the OpenProspect credential points at the simulator and tests OK', async () => {
		const { json } = await rest('GET', `/rest/credentials/${CREDENTIAL.id}?includeData=true`);
		const credential = json?.data;
		assert(credential?.type === CREDENTIAL.type, `credential: ${JSON.stringify(credential)}`);
		assert(credential.data?.baseUrl === sim.baseUrl, `baseUrl ${credential.data?.baseUrl}`);
		const tested = await rest('POST', '/rest/credentials/test', {
			credentials: { ...CREDENTIAL, data: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } },
		});
		assert(tested.json?.data?.status === 'OK', `test: ${tested.text}`);
	});
	const examples = await loadExamples(join(REPO_ROOT, 'examples'));
	const workflows = await report.check(`the ${examples.length} examples are imported and listed`, async () => {
		const { json } = await rest('GET', '/rest/workflows');
		const ids = new Set(json.data.map((w) => w.id));
		assert(editor.workflowIds.length === examples.length, `printed ${editor.workflowIds.length} workflows`);
		const missing = editor.workflowIds.filter((id) => !ids.has(id));
		assert(missing.length === 0, `not in the editor: ${missing}`);
		return json.data;
	});
	const example = examples.find((e) => e.name === EXAMPLE);
	await report.check(`example ${EXAMPLE} runs from the editor`, async () => {
		const workflow = workflows?.find((w) => w.name === example?.workflow.name);
		assert(workflow, `${EXAMPLE} not imported`);
		const result = await runFromEditor(rest, host, workflow.id);
		assertExecution(result, { ...example.expect, requests: {} }, {});
	});

	await report.check('Ctrl-C stops n8n and the simulator, exit code 0', async () => {
		editor.child.kill('SIGINT');
		const [code] = await editor.exited;
		assert(code === 0, `exit code ${code}\n${editor.output().slice(-2000)}`);
		assert(!(await portAnswers(Number(new URL(url).port))), 'n8n still answers');
		assert(!(await portAnswers(Number(new URL(sim.baseUrl).port))), 'the simulator still answers');
	});
}

await runScript({ report, cleanups, timeoutMs: 15 * 60_000 }, main);
