// `npm run demo`: a real workflow through the n8n engine (n8n-core, in-process) with the built
// package, against the bundled OpenProspect simulator — or, when OPENPROSPECT_API_KEY is set,
// read-only operations against the real API (OPENPROSPECT_BASE_URL optional).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import { EngineCredentialsHelper, loadPackage, runPoll, runWorkflow } from '../test/helpers/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = 'n8n-nodes-openprospect.openProspect';
const TRIGGER = 'n8n-nodes-openprospect.openProspectTrigger';
const CREDENTIALS = { openProspectApi: { id: 'demo', name: 'OpenProspect demo' } };
const isTty = process.stdout.isTTY;

const color = (code) => (text) => (isTty ? `\x1b[${code}m${text}\x1b[0m` : String(text));
const bold = color(1);
const dim = color(2);
const green = color(32);
const red = color(31);

function node(name, parameters, position) {
	return { id: name, name, type: NODE, typeVersion: 1, position: [position * 220, 0], parameters, credentials: CREDENTIALS };
}

/** A straight chain Start → nodes[0] → nodes[1] → … */
function chain(nodes) {
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const all = [start, ...nodes];
	const connections = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes: all, connections };
}

/** Stand-in for n8n's Sort + Limit nodes (n8n-nodes-base is not part of this package). */
const weakestMatchesNode = {
	description: {
		displayName: 'Weakest Matches',
		name: 'weakestMatches',
		group: ['transform'],
		version: 1,
		description: 'Keeps the N items with the lowest match_score',
		defaults: {},
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Keep', name: 'keep', type: 'number', default: 5 }],
	},
	async execute() {
		const keep = this.getNodeParameter('keep', 0);
		const items = this.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }));
		items.sort((a, b) => Number(a.json.match_score ?? 0) - Number(b.json.match_score ?? 0));
		return [items.slice(0, keep)];
	},
};

/** Prints which node runs, for how long, and what the simulated order is doing meanwhile. */
function progress(describeWait) {
	let ticker;
	let started = 0;
	const timings = {};
	return {
		timings,
		onNodeStart(name) {
			started = Date.now();
			if (name === 'Start') return;
			process.stdout.write(`  ${dim('▶')} ${name} …`);
			if (isTty) {
				ticker = setInterval(() => {
					const seconds = ((Date.now() - started) / 1000).toFixed(0);
					process.stdout.write(`\r  ${dim('▶')} ${name} … ${seconds} s ${describeWait?.() ?? ''}   `);
				}, 500);
			}
		},
		onNodeEnd(name, taskData) {
			clearInterval(ticker);
			timings[name] = Date.now() - started;
			if (name === 'Start') return;
			const count = taskData.data?.main?.[0]?.length ?? 0;
			const status = taskData.error ? red(`failed: ${taskData.error.message}`) : green(`${count} item${count === 1 ? '' : 's'}`);
			process.stdout.write(`${isTty ? `\r  ${dim('▶')} ${name} …` : ''} ${status} ${dim(`(${timings[name]} ms)`)}${' '.repeat(20)}\n`);
		},
	};
}

function table(rows, columns) {
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)));
	const line = (cells) => `  ${cells.map((cell, index) => String(cell ?? '').padEnd(widths[index])).join('  ')}`;
	console.log(bold(line(columns)));
	console.log(dim(line(widths.map((width) => '─'.repeat(width)))));
	for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

function outputOf(run, name) {
	return run.data.resultData.runData[name]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];
}

function failIfError(run) {
	const error = run.data.resultData.error;
	if (error) {
		console.error(red(`\nThe workflow failed: ${error.message}`));
		if (error.description) console.error(error.description);
		process.exit(1);
	}
}

async function offlineDemo(pkg) {
	const { startSimulator } = await import('../simulator/server.mjs');
	// Simulated time runs 20× faster, so an order's ten-second review and fulfilment take half a second.
	const sim = await startSimulator({ seed: 7, speed: 20 });
	const credentialsHelper = new EngineCredentialsHelper(pkg.credentialTypes, { apiKey: sim.apiKey, baseUrl: sim.baseUrl });
	console.log(`${bold('OpenProspect demo')} — the n8n engine (in-process) against the bundled simulator at ${sim.baseUrl}\n`);
	try {
		const [search] = [...sim.state.prospectSearches.values()];
		const orderStatus = () => {
			const orders = [...sim.state.orders.keys()];
			return orders.length ? dim(`(order ${sim.orderView(orders.at(-1)).status})`) : '';
		};
		const steps = progress(orderStatus);
		const workflow = chain([
			node('Validate API Key', { resource: 'apiKey', operation: 'validate' }, 1),
			node('Create Blacklist', { resource: 'blacklist', operation: 'create', name: 'Weak matches (demo)', description: 'Added by npm run demo' }, 2),
			node(
				'Create Search Profile',
				{
					resource: 'searchProfile',
					operation: 'create',
					profileName: 'DACH SaaS (demo)',
					idealCustomerProfile: 'B2B SaaS companies with 50-500 employees',
					additionalFields: { targetCountries: 'DE,AT,CH' },
					waitForCompletion: true,
					maxWait: 120,
					pollInterval: 1,
				},
				3,
			),
			node(
				'Create Discovery Order',
				{
					resource: 'order',
					operation: 'create',
					orderType: 'discovery',
					profileId: '={{ $json.profile_id }}',
					briefingQuantity: 25,
					waitForCompletion: true,
					maxWait: 120,
					pollInterval: 1,
					output: 'results',
				},
				4,
			),
			{ id: 'weakest', name: 'Weakest Matches', type: 'demo.weakestMatches', typeVersion: 1, position: [5 * 220, 0], parameters: { keep: 5 } },
			node(
				'Blacklist Weakest Matches',
				{
					resource: 'blacklist',
					operation: 'addEntries',
					blacklistId: { __rl: true, mode: 'id', value: "={{ $('Create Blacklist').first().json.id }}" },
					source: 'fields',
					companyName: '={{ $json.name }}',
					websiteUrl: '={{ $json.website }}',
					externalId: '',
					city: '={{ $json.city }}',
				},
				6,
			),
		]);
		const nodeTypes = {
			...pkg.nodeTypes,
			getByName: (type) => (type === 'demo.weakestMatches' ? weakestMatchesNode : pkg.nodeTypes.getByName(type)),
			getByNameAndVersion: (type, version) =>
				type === 'demo.weakestMatches' ? weakestMatchesNode : pkg.nodeTypes.getByNameAndVersion(type, version),
		};
		console.log(bold('Workflow: validate → blacklist → search profile → discovery order (wait) → weakest 5 → blacklist them'));
		const run = await runWorkflow({ ...workflow, nodeTypes, credentialsHelper, onNodeStart: steps.onNodeStart, onNodeEnd: steps.onNodeEnd });
		failIfError(run);

		const results = outputOf(run, 'Create Discovery Order');
		console.log(`\n${bold(`Order results`)} ${dim(`(${results.length} companies, the 8 best shown)`)}`);
		table(
			[...results].sort((a, b) => b.match_score - a.match_score).slice(0, 8),
			['name', 'city', 'country', 'match_score', 'website'],
		);
		const weakest = outputOf(run, 'Weakest Matches');
		const added = outputOf(run, 'Blacklist Weakest Matches')[0] ?? {};
		console.log(`\n${bold('Blacklisted the weakest matches')} ${dim(`(${weakest.map((company) => company.name).join(', ')})`)}`);
		console.log(`  ${JSON.stringify(added)}`);

		console.log(`\n${bold('Trigger: one poll of "Order Finished"')} ${dim('(as n8n does every minute once the workflow is active)')}`);
		const trigger = {
			id: 'trigger',
			name: 'OpenProspect Trigger',
			type: TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'orderFinished', statuses: ['COMPLETED'], includeResults: 'none', options: { emitExistingOnFirstRun: true, maxItemsOnFirstRun: 10 } },
			credentials: CREDENTIALS,
		};
		const staticData = {};
		const first = await runPoll({ node: trigger, nodeTypes: pkg.nodeTypes, credentialsHelper, staticData });
		const events = first.out?.[0]?.map((item) => item.json) ?? [];
		table(events.map((event) => ({ event: event.event, order: event.id ?? event.order_id, status: event.status })), ['event', 'order', 'status']);
		const second = await runPoll({ node: trigger, nodeTypes: pkg.nodeTypes, credentialsHelper, staticData });
		console.log(`  next poll: ${second.out === null ? 'nothing new (no execution)' : `${second.out[0].length} event(s)`}`);

		console.log(`\n${bold('Requests the simulator received')}`);
		table(
			Object.entries(sim.counters.byRoute).map(([route, count]) => ({ route, count })),
			['route', 'count'],
		);
		console.log(`\n${green('✔ Demo finished.')} Import the workflows in examples/ into n8n to try them in the editor.`);
	} finally {
		await sim.close();
	}
}

async function liveDemo(pkg) {
	const baseUrl = process.env.OPENPROSPECT_BASE_URL || 'https://api.openprospect.io';
	const credentialsHelper = new EngineCredentialsHelper(pkg.credentialTypes, { apiKey: process.env.OPENPROSPECT_API_KEY, baseUrl });
	console.log(`${bold('OpenProspect demo')} — read-only operations against ${baseUrl}\n`);
	const steps = progress();
	// Continue On Fail: a key without some scope still shows what it can read.
	const readOnly = (name, parameters, position) => ({ ...node(name, parameters, position), continueOnFail: true });
	const workflow = chain([
		node('Validate API Key', { resource: 'apiKey', operation: 'validate' }, 1),
		readOnly('Prospect Searches', { resource: 'prospectSearch', operation: 'getAll', returnAll: false, limit: 5 }, 2),
		readOnly('Recent Orders', { resource: 'order', operation: 'getAll', returnAll: false, limit: 5 }, 3),
	]);
	const run = await runWorkflow({ ...workflow, nodeTypes: pkg.nodeTypes, credentialsHelper, onNodeStart: steps.onNodeStart, onNodeEnd: steps.onNodeEnd });
	failIfError(run);
	const [key] = outputOf(run, 'Validate API Key');
	console.log(`\n${bold('API key')}: valid=${key?.valid}, scopes: ${(key?.scopes ?? []).join(', ')}`);
	for (const [title, name, columns] of [
		['Prospect searches', 'Prospect Searches', ['id', 'name', 'status']],
		['Recent orders', 'Recent Orders', ['id', 'status', 'order_type', 'created_at']],
	]) {
		const rows = outputOf(run, name);
		console.log(`\n${bold(title)}`);
		if (rows[0]?.error) console.log(`  ${red(rows[0].error)}`);
		else table(rows, columns);
	}
	console.log(`\n${green('✔ Demo finished')} (nothing was created or changed).`);
}

const pkg = await loadPackage(root);
if (process.env.OPENPROSPECT_API_KEY) await liveDemo(pkg);
else await offlineDemo(pkg);
