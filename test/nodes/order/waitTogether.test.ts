/**
 * Order > Create and Search Profile > Create with Wait for Completion and several input items, on
 * the real engine: every item's job is created first, in input order, then all are waited for
 * together, and each item's output keeps its place and pairing.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api } from '../../helpers/api';
import { START, useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';

const elapsedMs = () => Date.now() - START;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

const order = (id: string, status: string, extra: IDataObject = {}) => ({
	id,
	status,
	order_type: 'DISCOVERY',
	...extra,
});

/** Orders ord-0 … ord-(n-1); ord-i is COMPLETED (or `endStatus[i]`) from `doneAt[i]` ms on. */
function ordersApi(doneAt: number[], endStatus: string[] = []) {
	const { scope, seen } = api();
	let created = 0;
	scope
		.post('/api/v1/orders')
		.times(doneAt.length)
		.reply(201, () => order(`ord-${created++}`, 'RECEIVED'));
	scope
		.get(/^\/api\/v1\/orders\/ord-\d+$/)
		.times(1000)
		.reply(200, (uri) => {
			const index = Number(uri.split('-').at(-1));
			const done = elapsedMs() >= doneAt[index];
			return order(`ord-${index}`, done ? (endStatus[index] ?? 'COMPLETED') : 'IN_PROGRESS');
		});
	return { scope, seen };
}

const discovery = {
	resource: 'order',
	operation: 'create',
	orderType: 'discovery',
	profileId: 'prof-1',
	briefingQuantity: 5,
	waitForCompletion: true,
	maxWait: 300,
	pollInterval: 5,
};

describe('Wait for Completion with several items', () => {
	it('creates every order first, then waits for all together: wall time of the slowest, pairing kept', async () => {
		const doneAt = [30_000, 10_000, 20_000];
		const { seen } = ordersApi(doneAt);
		const { items, error } = await runNode({ parameters: discovery, input: [{}, {}, {}] });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: order('ord-0', 'COMPLETED'), pairedItem: { item: 0 } },
			{ json: order('ord-1', 'COMPLETED'), pairedItem: { item: 1 } },
			{ json: order('ord-2', 'COMPLETED'), pairedItem: { item: 2 } },
		]);
		expect(seen.slice(0, 3).map(({ method }) => method)).toEqual(['POST', 'POST', 'POST']);
		expect(seen.slice(3).every(({ method }) => method === 'GET')).toBe(true);
		expect(elapsedMs()).toBe(30_000);
		// Each order is polled until it is done, not longer: 6 + 2 + 4 polls every 5 s.
		expect(seen.length - 3).toBe(12);
	});

	it('Continue On Fail: a REJECTED order is an error item in its own place; the others complete', async () => {
		ordersApi([10_000, 5_000, 15_000], [undefined, 'REJECTED'] as string[]);
		const { items, error } = await runNode({
			parameters: discovery,
			input: [{}, {}, {}],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			['ord-0', { item: 0 }],
			['Order ord-1 ended REJECTED', { item: 1 }],
			['ord-2', { item: 2 }],
		]);
		expect(elapsedMs()).toBe(15_000);
	});

	it('Search Profile > Create: creations are waited for together too', async () => {
		const { scope, seen } = api();
		let created = 0;
		scope
			.post('/api/v1/search-profile-creations')
			.times(2)
			.reply(201, () => ({ id: `pc-${created++}`, status: 'PENDING' }));
		scope
			.get(/^\/api\/v1\/search-profile-creations\/pc-\d$/)
			.times(100)
			.reply(200, (uri) => {
				const index = Number(uri.at(-1));
				const done = elapsedMs() >= [20_000, 10_000][index];
				return { id: `pc-${index}`, status: done ? 'SUCCEEDED' : 'RUNNING' };
			});
		const { items, error } = await runNode({
			parameters: {
				resource: 'searchProfile',
				operation: 'create',
				profileName: '={{ $json.name }}',
				waitForCompletion: true,
				pollInterval: 10,
			},
			input: [{ name: 'One' }, { name: 'Two' }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id, item.json.status, item.pairedItem])).toEqual([
			['pc-0', 'SUCCEEDED', { item: 0 }],
			['pc-1', 'SUCCEEDED', { item: 1 }],
		]);
		expect(seen.map(({ method }) => method).slice(0, 2)).toEqual(['POST', 'POST']);
		expect(elapsedMs()).toBe(20_000);
	});

	it('without Continue On Fail, the failed item stops the node with its index', async () => {
		ordersApi([10_000, 5_000], ['COMPLETED', 'REJECTED']);
		const { error } = await runNode({ parameters: discovery, input: [{}, {}] });
		expect(error?.message).toBe('Order ord-1 ended REJECTED');
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('an item that fails before its create says which earlier orders were created and go on', async () => {
		ordersApi([10_000]);
		const { error } = await runNode({
			parameters: { ...discovery, briefingQuantity: '={{ $json.quantity }}' },
			input: [{ quantity: 5 }, { quantity: 0 }],
		});
		expect(error?.message).toBe(
			'Briefing Quantity: must be a whole number of 1 or more, got 0 [item 1]',
		);
		expect(error?.description).toContain(
			'Created before this failure, not waited for, and going on: Order ord-0 (item 0).',
		);
	});

	it('a cancel that interrupts a status check keeps the "was created and goes on" note', async () => {
		const controller = new AbortController();
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('ord-0', 'RECEIVED'));
		scope.get('/api/v1/orders/ord-0').reply(200, () => {
			controller.abort(); // the user stops the execution while this check is on its way
			return order('ord-0', 'IN_PROGRESS');
		});
		const { run } = await runNode({ parameters: discovery, abortSignal: controller.signal });
		expect(run.status).toBe('canceled');
		const nodeError = run.data.resultData.runData.OpenProspect?.[0]?.error;
		expect(nodeError?.message).toBe('The execution was cancelled while waiting');
		expect(nodeError?.description).toBe(
			'Order ord-0 was created and goes on (last status: RECEIVED); use the OpenProspect Trigger (Order Finished) for long jobs.',
		);
	});
});
