// The example workflows in examples/ and their expected outputs.
//
// Each examples/<name>.json may have a sidecar examples/<name>.expect.json (all keys optional):
//   {
//     "run": "execute",          // "execute": `n8n execute --id` (default when a Manual Trigger exists)
//                                // "activate": activated in `n8n start`; must publish and its
//                                //   immediate poll must not fail (default for trigger-started ones)
//                                // "import": only imported (and its node types checked)
//     "status": "success",       // expected execution status ("error" for a workflow meant to fail)
//     "nodes": {                 // per node name, about the items of its first output
//       "Node name": {
//         "items": 3,            // exact item count; or "minItems" / "maxItems"
//         "fields": ["id", "contacts.0.email"],      // paths (in item.json) present in every item
//         "equals": { "status": "COMPLETED" },       // values every item has
//         "error": "substring"   // the node failed with a message containing this
//       }
//     },
//     "requests": { "POST /api/v1/orders": 1 }       // exact simulator request counts during the run
//   }
// Without a sidecar, an executed example must finish with status success, no node may report an
// error, and the last node must output at least one item.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { assert } from '../lib/report.mjs';
import { REAL_PACKAGE, credentialRef } from './common.mjs';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const STARTABLE = [MANUAL_TRIGGER, 'n8n-nodes-base.executeWorkflowTrigger'];

/** Loads examples/*.json (not the sidecars) with their expectations. */
export async function loadExamples(dir) {
	if (!dir || !existsSync(dir)) return [];
	const files = (await readdir(dir))
		.filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))
		.sort();
	const examples = [];
	for (const file of files) {
		const name = basename(file, '.json');
		const workflow = JSON.parse(await readFile(join(dir, file), 'utf8'));
		const sidecar = join(dir, `${name}.expect.json`);
		const expect = existsSync(sidecar) ? JSON.parse(await readFile(sidecar, 'utf8')) : {};
		examples.push({ name, file, workflow, expect });
	}
	return examples;
}

/** How an example is exercised: the sidecar's choice, else by its start node. */
export function runModeOf(example) {
	if (example.expect.run) return example.expect.run;
	const startable = example.workflow.nodes.some((node) => STARTABLE.includes(node.type));
	return startable ? 'execute' : 'activate';
}

/**
 * Makes an example importable into a fresh n8n: a valid unique id, inactive, every node of the
 * package pointed at the imported credential (and renamed to the stub package with --stub).
 */
export function prepareWorkflow(example, index, { packageName }) {
	const workflow = structuredClone(example.workflow);
	const validId = typeof workflow.id === 'string' && /^[A-Za-z0-9]{1,21}$/.test(workflow.id);
	if (!validId) workflow.id = `opExample${String(index).padStart(2, '0')}`;
	workflow.name ??= example.name;
	workflow.active = false;
	workflow.settings = { executionOrder: 'v1', ...workflow.settings };
	for (const node of workflow.nodes) {
		if (node.type.startsWith(`${REAL_PACKAGE}.`) && packageName !== REAL_PACKAGE) {
			node.type = `${packageName}.${node.type.slice(REAL_PACKAGE.length + 1)}`;
		}
		if (node.type.startsWith(`${packageName}.`) || node.credentials?.openProspectApi) {
			node.credentials = { ...node.credentials, ...credentialRef() };
		}
	}
	return workflow;
}

/** A workflow built into the runner, so the e2e run proves execution even with no examples. */
export function smokeExample({ packageName }) {
	return {
		name: 'smoke: validate API key',
		expect: {
			run: 'execute',
			nodes: { 'Validate API Key': { items: 1, equals: { valid: true } } },
			requests: { 'GET /api/v1/auth/validate': 1 },
		},
		workflow: {
			id: 'opE2eSmokeValidate',
			name: 'E2E smoke: validate API key',
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'smoke-manual',
					name: 'Start',
					type: MANUAL_TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'smoke-validate',
					name: 'Validate API Key',
					type: `${packageName}.openProspect`,
					typeVersion: 1,
					position: [220, 0],
					parameters: { resource: 'apiKey', operation: 'validate' },
					credentials: credentialRef(),
				},
			],
			connections: { Start: { main: [[{ node: 'Validate API Key', type: 'main', index: 0 }]] } },
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Assertions on `n8n execute --rawOutput` results
// ---------------------------------------------------------------------------------------------

/** Value at a dot path (`a.b.0.c`); undefined when any step is missing. */
export function pathValue(object, path) {
	return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

function nodeRun(runData, nodeName) {
	const runs = runData[nodeName];
	assert(runs?.length, `node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
	return runs[runs.length - 1];
}

function outputItems(run) {
	return run.data?.main?.[0] ?? [];
}

function assertNode(runData, nodeName, rules) {
	const run = nodeRun(runData, nodeName);
	if (rules.error !== undefined) {
		const message = `${run.error?.message ?? ''} ${run.error?.description ?? ''}`;
		assert(run.error, `node "${nodeName}" was expected to fail but succeeded`);
		assert(
			message.includes(rules.error),
			`node "${nodeName}" failed with "${message.trim()}", expected "${rules.error}"`,
		);
		return;
	}
	assert(!run.error, `node "${nodeName}" failed: ${run.error?.message}`);
	const items = outputItems(run);
	const count = items.length;
	if (rules.items !== undefined)
		assert(
			count === rules.items,
			`node "${nodeName}" output ${count} items, expected ${rules.items}`,
		);
	if (rules.minItems !== undefined)
		assert(
			count >= rules.minItems,
			`node "${nodeName}" output ${count} items, expected at least ${rules.minItems}`,
		);
	if (rules.maxItems !== undefined)
		assert(
			count <= rules.maxItems,
			`node "${nodeName}" output ${count} items, expected at most ${rules.maxItems}`,
		);
	for (const [index, item] of items.entries()) {
		for (const field of rules.fields ?? []) {
			assert(
				pathValue(item.json, field) !== undefined,
				`node "${nodeName}" item ${index} has no "${field}"`,
			);
		}
		for (const [field, expected] of Object.entries(rules.equals ?? {})) {
			const actual = pathValue(item.json, field);
			assert(
				JSON.stringify(actual) === JSON.stringify(expected),
				`node "${nodeName}" item ${index}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
			);
		}
	}
}

/** Checks one execution result (parsed `n8n execute` output) against the example's expectations. */
export function assertExecution(result, expect, requests) {
	assert(result, 'n8n execute printed no result JSON');
	const expectedStatus = expect.status ?? 'success';
	const resultData = result.data?.resultData ?? {};
	const runData = resultData.runData ?? {};
	const errorNote = resultData.error ? ` (${resultData.error.message})` : '';
	assert(
		result.status === expectedStatus,
		`execution status ${result.status}${errorNote}, expected ${expectedStatus}`,
	);

	if (expect.nodes) {
		for (const [nodeName, rules] of Object.entries(expect.nodes))
			assertNode(runData, nodeName, rules);
	} else {
		assertDefaults(runData, resultData.lastNodeExecuted);
	}
	for (const [key, expected] of Object.entries(expect.requests ?? {})) {
		const actual = requests[key] ?? 0;
		assert(
			actual === expected,
			`simulator saw ${actual} × ${key}, expected ${expected} (all: ${JSON.stringify(requests)})`,
		);
	}
}

function assertDefaults(runData, lastNode) {
	for (const [nodeName, runs] of Object.entries(runData)) {
		for (const run of runs) assert(!run.error, `node "${nodeName}" failed: ${run.error?.message}`);
	}
	assert(lastNode, 'no node was executed');
	const count = outputItems(nodeRun(runData, lastNode)).length;
	assert(count > 0, `last node "${lastNode}" output no items`);
}
