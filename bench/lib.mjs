/**
 * Shared pieces of the benchmarks: the built package on the in-process n8n engine, a plain `fetch`
 * baseline, and small statistics helpers.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	EngineCredentialsHelper,
	loadPackage,
	runPoll,
	runWorkflow,
} from '../test/helpers/harness.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const CREDENTIALS = { openProspectApi: { id: 'cred-bench', name: 'OpenProspect (simulator)' } };

/** The built package (dist) as n8n loads it, with credentials pointing at `baseUrl`. */
export async function loadEngine({ baseUrl, apiKey }) {
	const { packageName, nodeTypes, credentialTypes } = await loadPackage(ROOT);
	const credentialsHelper = new EngineCredentialsHelper(credentialTypes, { apiKey, baseUrl });
	return { packageName, nodeTypes, credentialsHelper };
}

let executions = 0;

/**
 * Manual Trigger → OpenProspect with `parameters`, run by n8n-core's WorkflowExecute. Every run is
 * an execution of its own, so derived idempotency keys never make the server replay an earlier run.
 */
export async function runAction(engine, parameters, input = [{}]) {
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'node',
			name: 'OpenProspect',
			type: `${engine.packageName}.openProspect`,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: CREDENTIALS,
			continueOnFail: true,
		},
	];
	const connections = { Start: { main: [[{ node: 'OpenProspect', type: 'main', index: 0 }]] } };
	const run = await runWorkflow({
		nodes,
		connections,
		nodeTypes: engine.nodeTypes,
		credentialsHelper: engine.credentialsHelper,
		input: input.map((json, item) => ({ json, pairedItem: { item } })),
		executionId: `bench-${process.pid}-${++executions}`,
	});
	const nodeRun = run.data.resultData.runData.OpenProspect?.[0];
	const items = nodeRun?.data?.main?.[0] ?? [];
	const error = nodeRun?.error ?? run.data.resultData.error;
	return { items, error, failed: items.filter((item) => item.json.error !== undefined).length };
}

/** One poll of the OpenProspect Trigger over `staticData` (kept between polls by the caller). */
export async function pollTrigger(engine, parameters, staticData, mode = 'trigger') {
	const node = {
		id: 'trigger',
		name: 'OpenProspect Trigger',
		type: `${engine.packageName}.openProspectTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: CREDENTIALS,
	};
	return await runPoll({
		node,
		nodeTypes: engine.nodeTypes,
		credentialsHelper: engine.credentialsHelper,
		staticData,
		mode,
	});
}

export const locator = (value) => ({ __rl: true, mode: 'id', value });

/** Company > Get Many, Return All, raw records: the same bytes a plain client would keep. */
export const companyGetManyAll = (prospectSearchId) => ({
	resource: 'company',
	operation: 'getAll',
	prospectSearchId: locator(prospectSearchId),
	returnAll: true,
	simplify: false,
});

/** The baseline: a plain `fetch` loop over the same pages (limit 100, offset, `has_more`). */
export async function fetchAllPages({ baseUrl, apiKey }, path, query) {
	const headers = {
		Authorization: `Bearer ${apiKey}`,
		Accept: 'application/json',
		'x-bench-client': 'fetch',
	};
	const records = [];
	for (let offset = 0; ; offset += 100) {
		const url = new URL(path, baseUrl);
		for (const [key, value] of Object.entries({ ...query, limit: 100, offset }))
			url.searchParams.set(key, String(value));
		const response = await fetch(url, { headers });
		if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
		const page = await response.json();
		records.push(...page.items);
		if (!page.has_more || page.items.length === 0) return records;
	}
}

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds `task` takes (high-resolution), with its result. */
export async function timed(task) {
	const start = performance.now();
	const result = await task();
	return { ms: performance.now() - start, result };
}
