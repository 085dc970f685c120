// The screenshots: for each scene, the workflow it opens (created over REST) and what it does in
// the editor before the shot. Node names are the ones n8n gives a node added from the creator.
import { canvasNode, testId } from './editor.mjs';

const MANUAL = 'When clicking ‘Execute workflow’';
// Where the parameters are dragged to widen the output table (a trigger has no input to show),
// and the output width that must result.
const TRIGGER_PARAMETERS_X = 340;
const DEMO_PARAMETERS_X = 440;
const MIN_OUTPUT_WIDTH = 700;

function manualTrigger() {
	return {
		id: 'manual',
		name: MANUAL,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** A workflow of nodes in a row, each connected to the next. */
function chain(name, nodes) {
	const placed = nodes.map((node, index) => ({ ...node, position: [index * 240, 0] }));
	const connections = {};
	for (let index = 0; index + 1 < placed.length; index++) {
		connections[placed[index].name] = {
			main: [[{ node: placed[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { name, nodes: placed, connections, settings: { executionOrder: 'v1' } };
}

/** A resource locator value in "From List" mode, as the editor stores one picked from the list. */
function fromList(value, cachedResultName, cachedResultUrl) {
	return { __rl: true, mode: 'list', value, cachedResultName, cachedResultUrl };
}

/**
 * The scenes in the order they run. `workflow(data)` builds the workflow (or undefined: reuse the
 * previous scene's page); `run(ui, ctx)` brings the editor into shape and takes the shot(s).
 * data = { packageName, credentials, search, blacklist }.
 */
export function scenes() {
	const nodeType = (data, name) => `${data.packageName}.${name}`;
	const openProspect = (data, name, parameters) => ({
		id: name.replace(/\W+/g, '-').toLowerCase(),
		name,
		type: nodeType(data, 'openProspect'),
		typeVersion: 1,
		parameters,
		credentials: data.credentials,
	});
	const trigger = (data, parameters) => ({
		id: 'trigger',
		name: 'OpenProspect Trigger',
		type: nodeType(data, 'openProspectTrigger'),
		typeVersion: 1,
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: data.credentials,
	});
	const searchLocator = ({ search }) =>
		fromList(search.id, search.label, `https://app.openprospect.io/searches/${search.id}`);

	return [
		{
			name: 'node creator search',
			file: 'node-creator-search.png',
			workflow: () => chain('Find the OpenProspect node', [manualTrigger()]),
			async run(ui, { shot }) {
				await ui.click(testId('node-creator-plus-button'), {
					what: 'the + (open nodes panel) button',
				});
				const search = await ui.waitVisible(testId('node-creator-search-bar'), {
					what: 'the node creator search bar',
				});
				await search.type('OpenProspect');
				await ui.waitText(testId('node-creator-item-name'), 'OpenProspect');
				await ui.settle();
				await shot({ blur: false });
			},
		},
		{
			name: 'node creator actions',
			file: 'node-creator-actions.png',
			// Goes on from the previous scene: opens the search result.
			async run(ui, { shot }) {
				await (await ui.waitText(testId('node-creator-item-name'), 'OpenProspect')).click();
				await ui.waitText(testId('node-creator-category-item'), 'Actions (');
				await ui.waitText(testId('node-creator-item-name'), 'Create an order');
				await shot();
			},
		},
		{
			name: 'Order > Create',
			file: 'order-create.png',
			workflow: (data) =>
				chain('Create an order and wait for it', [
					manualTrigger(),
					openProspect(data, 'Create an order', {
						resource: 'order',
						operation: 'create',
						orderType: 'discovery',
						profileId: '5d1c7a2e-8f4b-4a9e-b3c1-2e7f9a0b4c6d',
						briefingQuantity: 25,
						waitForCompletion: true,
						maxWait: 600,
						pollInterval: 15,
						output: 'results',
					}),
				]),
			async run(ui, { shot }) {
				await ui.openNode('Create an order');
				await ui.waitVisible(`${testId('ndv')} ${testId('parameter-input-onTimeout')}`, {
					what: 'the Wait for Completion settings',
				});
				await shot();
			},
		},
		{
			name: 'Company > Get Many',
			file: 'company-get-many.png',
			workflow: (data) =>
				chain('List the companies of a prospect search', [
					manualTrigger(),
					openProspect(data, 'Get many companies', {
						resource: 'company',
						operation: 'getAll',
						prospectSearchId: searchLocator(data),
						returnAll: true,
						filters: { minMatchScore: 8, reviewStatus: ['accepted'] },
					}),
				]),
			async run(ui, { shot }) {
				await ui.openNode('Get many companies');
				await shot();
			},
		},
		{
			name: 'Company > Get Many, the prospect search list',
			file: 'company-get-many-search-list.png',
			// Goes on from the previous scene: opens the list the node loads from the API.
			async run(ui, { shot }) {
				await ui.click(`${testId('resource-locator-prospectSearchId')} ${testId('rlc-input')}`, {
					what: 'the Prospect Search field',
				});
				await ui.waitVisible(testId('rlc-item'), { what: 'the prospect searches of the list' });
				await shot({ blur: false });
			},
		},
		{
			name: 'Blacklist > Add Entries',
			file: 'blacklist-add-entries.png',
			workflow: (data) =>
				chain('Add companies to a blacklist', [
					manualTrigger(),
					openProspect(data, 'Add entries to a blacklist', {
						resource: 'blacklist',
						operation: 'addEntries',
						blacklistId: fromList(data.blacklist.id, data.blacklist.name),
						source: 'fields',
					}),
				]),
			async run(ui, { shot }) {
				await ui.openNode('Add entries to a blacklist');
				await ui.waitVisible(`${testId('ndv')} ${testId('parameter-input-websiteUrl')}`, {
					what: 'the Website URL field',
				});
				await shot();
			},
		},
		{
			name: 'credential',
			file: 'credential.png',
			// Goes on from the previous scene: edits the node's credential (n8n tests it on opening).
			async run(ui, { shot }) {
				await ui.click(testId('credential-edit-button'), { what: 'the credential edit button' });
				await ui.waitVisible(testId('credentials-config-container-test-success'), {
					what: 'the "Connection tested successfully" banner',
					timeout: 30_000,
				});
				await shot();
			},
		},
		{
			name: 'Trigger: Order Finished',
			file: 'trigger-order-finished.png',
			workflow: (data) =>
				chain('When an order finishes', [
					trigger(data, { event: 'orderFinished', statuses: ['COMPLETED', 'FAILED'] }),
				]),
			async run(ui, { shot }) {
				await ui.openNode('OpenProspect Trigger');
				await fetchTestEvent(ui);
				await ui.widenOutput(TRIGGER_PARAMETERS_X, MIN_OUTPUT_WIDTH);
				await shot();
			},
		},
		{
			name: 'Trigger: New Delivered Companies',
			file: 'trigger-new-delivered-companies.png',
			workflow: (data) =>
				chain('When companies are delivered', [
					trigger(data, { event: 'newDeliveredCompanies', prospectSearchId: searchLocator(data) }),
				]),
			async run(ui, { shot }) {
				await ui.openNode('OpenProspect Trigger');
				await fetchTestEvent(ui);
				await ui.widenOutput(TRIGGER_PARAMETERS_X, MIN_OUTPUT_WIDTH);
				await shot();
			},
		},
		{
			name: 'demo workflow run',
			file: 'demo-workflow.png',
			workflow: (data) =>
				chain('OpenProspect demo: best-matching companies', [
					manualTrigger(),
					openProspect(data, 'Get many companies', {
						resource: 'company',
						operation: 'getAll',
						prospectSearchId: searchLocator(data),
						returnAll: true,
						filters: { minMatchScore: 9.5 },
					}),
				]),
			async run(ui, { shot }) {
				await ui.click(testId('execute-workflow-button'), { what: 'the Execute workflow button' });
				await ui.waitVisible(
					`${canvasNode('Get many companies')} ${testId('canvas-node-status-success')}`,
					{ what: 'the success mark of "Get many companies"', timeout: 60_000 },
				);
				await shot();
			},
		},
		{
			name: 'demo workflow output',
			file: 'demo-output.png',
			// Goes on from the previous scene: opens the node that ran.
			async run(ui, { shot }) {
				await ui.openNode('Get many companies');
				await ui.waitVisible(`${testId('output-panel')} ${testId('ndv-data-container')} table`, {
					what: 'the output table',
				});
				await ui.widenOutput(DEMO_PARAMETERS_X, MIN_OUTPUT_WIDTH);
				await shot();
			},
		},
	];
}

/** Clicks Fetch Test Event in an open trigger panel and waits for its output. */
async function fetchTestEvent(ui) {
	await ui.click(`${testId('ndv')} ${testId('node-execute-button')}`, {
		what: 'the Fetch Test Event button',
	});
	await ui.waitVisible(`${testId('output-panel')} ${testId('ndv-items-count')}`, {
		what: 'the output of Fetch Test Event',
		timeout: 60_000,
	});
}
