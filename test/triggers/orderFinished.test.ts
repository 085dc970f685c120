import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { BASE_URL, fromDatabase, pollError, runPoll } from '../helpers/engine';

const STATE_KEY = 'node:OpenProspect Trigger';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function order(id: string, created: number, status: string): IDataObject {
	return {
		id,
		status,
		created_at: iso(created),
		order_type: 'DISCOVERY',
		title: `Order ${id}`,
		extra: { kept: true },
	};
}

/** The orders list envelope for one page of `orders` (newest first). */
function ordersPage(orders: IDataObject[], offset = 0, limit = 100): IDataObject {
	return {
		orders: orders.slice(offset, offset + limit),
		total: orders.length,
		limit,
		offset,
		has_more: offset + limit < orders.length,
	};
}

function expectOrdersPage(orders: IDataObject[], offset = 0) {
	return nock(BASE_URL)
		.get('/api/v1/orders')
		.query({ limit: '100', offset: String(offset) })
		.reply(200, ordersPage(orders, offset));
}

const orderParameters = (extra: IDataObject = {}) => ({
	event: 'orderFinished',
	statuses: ['COMPLETED'],
	includeResults: 'none',
	simplify: false,
	...extra,
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	vi.useRealTimers();
});

describe('Order Finished', () => {
	let history: IDataObject[];
	beforeEach(() => {
		history = [order('b', T0 + 2000, 'IN_PROGRESS'), order('a', T0 + 1000, 'COMPLETED')];
	});

	async function baseline(parameters = orderParameters()) {
		const scope = expectOrdersPage(history);
		const { out, staticData } = await runPoll({ parameters });
		expect(scope.isDone()).toBe(true);
		expect(out).toBeNull();
		return fromDatabase(staticData);
	}

	it('first poll stores a baseline and emits nothing; a completion is emitted once, also across a restart', async () => {
		const staticData = await baseline();
		expect(staticData[STATE_KEY]).toEqual({
			orders: {
				v: 1,
				horizon: { at: T0 + 2000, ids: ['b'] },
				gaps: [],
				pending: [{ id: 'b', status: 'IN_PROGRESS', at: T0 + 2000 }],
				emitted: [],
			},
		});

		history[0] = order('b', T0 + 2000, 'COMPLETED');
		let scope = expectOrdersPage(history);
		const second = await runPoll({ parameters: orderParameters(), staticData });
		expect(scope.isDone()).toBe(true);
		expect(second.out).toEqual([
			[{ json: { event: 'order.finished', event_id: 'order:b:COMPLETED', ...history[0] } }],
		]);

		// A restart: a new context over the stored (JSON) state fires nothing again.
		scope = expectOrdersPage(history);
		const third = await runPoll({
			parameters: orderParameters(),
			staticData: fromDatabase(second.staticData),
		});
		expect(scope.isDone()).toBe(true);
		expect(third.out).toBeNull();
	});

	it('an idle poll costs exactly one request and returns null', async () => {
		const staticData = await baseline();
		let requests = 0;
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '0' })
			.reply(() => {
				requests++;
				return [200, ordersPage(history)];
			});
		const { out } = await runPoll({ parameters: orderParameters(), staticData });
		expect(out).toBeNull();
		expect(requests).toBe(1);
		expect(scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('an order created in the same millisecond as the newest known one is emitted, the known one is not', async () => {
		history = [order('m', T0 + 5000, 'COMPLETED'), order('a', T0 + 1000, 'COMPLETED')];
		const staticData = await baseline();
		history = [
			order('z', T0 + 5000, 'COMPLETED'),
			order('m', T0 + 5000, 'COMPLETED'),
			order('c', T0 + 5000, 'COMPLETED'),
			...history.slice(1),
		];
		expectOrdersPage(history);
		const { out, staticData: after } = await runPoll({ parameters: orderParameters(), staticData });
		expect(out?.[0].map((item) => item.json.id).sort()).toEqual(['c', 'z']);
		expectOrdersPage(history);
		expect(
			(await runPoll({ parameters: orderParameters(), staticData: fromDatabase(after) })).out,
		).toBeNull();
	});

	it('reads three pages in one poll when 250 orders finished since the last one', async () => {
		history = [order('old', T0, 'COMPLETED')];
		const staticData = await baseline();
		const fresh = Array.from({ length: 250 }, (_, i) =>
			order(`n${String(i).padStart(3, '0')}`, T0 + 1000 + i, 'COMPLETED'),
		);
		history = [...fresh.reverse(), ...history];
		const scopes = [0, 100, 200].map((offset) => expectOrdersPage(history, offset));
		const { out } = await runPoll({ parameters: orderParameters(), staticData });
		for (const scope of scopes) expect(scope.isDone()).toBe(true);
		const ids = out?.[0].map((item) => item.json.id);
		expect(ids).toHaveLength(250);
		expect(ids?.[0]).toBe('n000'); // oldest first
		expect(new Set(ids).size).toBe(250);
	});

	it('a 500 that persists after the retries throws the API message and keeps the cursor', async () => {
		const staticData = await baseline();
		const before = fromDatabase(staticData);
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '0' })
			.times(5)
			.reply(500, { code: 'INTERNAL_ERROR', message: 'Database unavailable' });
		const error = await pollError({ parameters: orderParameters(), staticData });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('Database unavailable');
		expect(error.httpCode).toBe('500');
		expect(error.description).toContain('Request: GET /api/v1/orders');
		expect(fromDatabase(staticData)).toEqual(before);

		history[0] = order('b', T0 + 2000, 'COMPLETED');
		expectOrdersPage(history);
		const { out } = await runPoll({ parameters: orderParameters(), staticData });
		expect(out?.[0].map((item) => item.json.event_id)).toEqual(['order:b:COMPLETED']);
	});

	it('a failure on a later page keeps the cursor: nothing of the poll counts', async () => {
		history = [order('old', T0, 'IN_PROGRESS')];
		const staticData = await baseline();
		const before = fromDatabase(staticData);
		const fresh = Array.from({ length: 150 }, (_, i) => order(`n${i}`, T0 + 1000 + i, 'COMPLETED'));
		history = [...fresh.reverse(), ...history];
		expectOrdersPage(history, 0);
		nock(BASE_URL).get('/api/v1/orders').query({ limit: '100', offset: '100' }).reply(403, {
			code: 'AUTHORIZATION_ERROR',
			message: 'Missing required scopes: orders:read',
		});
		const error = await pollError({ parameters: orderParameters(), staticData });
		expect(error.message).toBe('Missing required scopes: orders:read');
		expect(fromDatabase(staticData)).toEqual(before);
	});

	it('a 401 surfaces as an error and stores nothing, on the first poll as on later ones', async () => {
		nock(BASE_URL)
			.get('/api/v1/orders')
			.query(true)
			.reply(401, { code: 'UNAUTHORIZED', message: 'Invalid API key' });
		const staticData: IDataObject = {};
		const error = await pollError({ parameters: orderParameters(), staticData });
		expect(error).toMatchObject({ message: 'Invalid API key', httpCode: '401' });
		expect(error.description).toContain('Check the API key');
		expect(fromDatabase(staticData)).toEqual({ [STATE_KEY]: {} });

		const stored = await baseline();
		const before = fromDatabase(stored);
		nock(BASE_URL)
			.get('/api/v1/orders')
			.query(true)
			.reply(401, { code: 'UNAUTHORIZED', message: 'Invalid API key' });
		expect(await pollError({ parameters: orderParameters(), staticData: stored })).toMatchObject({
			message: 'Invalid API key',
			httpCode: '401',
		});
		expect(fromDatabase(stored)).toEqual(before);
	});

	it('Fetch Test Event returns the newest matching order and leaves the state untouched', async () => {
		const staticData = await baseline();
		const before = fromDatabase(staticData);
		history = [order('x', T0 + 9000, 'RECEIVED'), order('f', T0 + 8000, 'FAILED'), ...history];
		const scope = expectOrdersPage(history);
		const { out } = await runPoll({ parameters: orderParameters(), staticData, mode: 'manual' });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			[{ json: { event: 'order.finished', event_id: 'order:a:COMPLETED', ...history[3] } }],
		]);
		expect(fromDatabase(staticData)).toEqual(before);

		expectOrdersPage(history);
		const failed = await runPoll({
			parameters: orderParameters({ statuses: ['FAILED'] }),
			staticData,
			mode: 'manual',
		});
		expect(failed.out?.[0][0].json.id).toBe('f');
		expect(fromDatabase(staticData)).toEqual(before);
	});

	it('Fetch Test Event without a matching order says what to do', async () => {
		expectOrdersPage([order('x', T0, 'RECEIVED')]);
		const error = await pollError({ parameters: orderParameters(), mode: 'manual' });
		expect(error.message).toBe('No order has one of the chosen statuses yet');
		expect(error.description).toContain(
			'Wait until an order finishes in OpenProspect, or choose more statuses',
		);
	});

	it('Fetch Test Event reads on page by page until an order matches, and no page after it', async () => {
		const received = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => order(`r${from + index}`, T0, 'RECEIVED'));
		const orders = [...received(0, 150), order('done', T0, 'COMPLETED'), ...received(150, 100)];
		const first = expectOrdersPage(orders);
		const second = expectOrdersPage(orders, 100);
		const unread = expectOrdersPage(orders, 200);
		const { out } = await runPoll({ parameters: orderParameters(), mode: 'manual' });
		expect(first.isDone()).toBe(true);
		expect(second.isDone()).toBe(true);
		expect(unread.isDone()).toBe(false);
		expect(out?.[0].map((item) => item.json.id)).toEqual(['done']);
	});

	function results(count: number, offset: number, total: number) {
		const items = Array.from({ length: Math.min(count, total - offset) }, (_, i) => ({
			id: `c${offset + i}`,
			name: `Company ${offset + i}`,
			website: `https://c${offset + i}.example`,
			employees: 10,
		}));
		return { items, total, limit: 100, offset, has_more: offset + items.length < total };
	}

	it('Include Results > One Item per Order: the companies of every page in "results" (Simplify)', async () => {
		const staticData = await baseline();
		history[0] = order('b', T0 + 2000, 'COMPLETED');
		expectOrdersPage(history);
		const resultPages = nock(BASE_URL)
			.get('/api/v1/orders/b/results')
			.query({ limit: '100', offset: '0' })
			.reply(200, results(100, 0, 120))
			.get('/api/v1/orders/b/results')
			.query({ limit: '100', offset: '100' })
			.reply(200, results(100, 100, 120));
		const { out } = await runPoll({
			parameters: orderParameters({ includeResults: 'perOrder', simplify: true }),
			staticData,
		});
		expect(resultPages.isDone()).toBe(true);
		expect(out?.[0]).toHaveLength(1);
		const json = out?.[0][0].json as IDataObject;
		expect(json).toMatchObject({
			event: 'order.finished',
			event_id: 'order:b:COMPLETED',
			id: 'b',
			status: 'COMPLETED',
			title: 'Order b',
		});
		expect(json.extra).toBeUndefined();
		expect(json.results).toHaveLength(120);
		expect((json.results as IDataObject[])[119]).toEqual({
			id: 'c119',
			name: 'Company 119',
			website: 'https://c119.example',
		});
	});

	it('Include Results > One Item per Company: one item per company; a failed order gives one item, no request', async () => {
		history = [order('f', T0 + 3000, 'IN_PROGRESS'), ...history];
		const parameters = orderParameters({
			includeResults: 'perCompany',
			statuses: ['COMPLETED', 'FAILED'],
		});
		const staticData = await baseline(parameters);
		history[0] = order('f', T0 + 3000, 'FAILED');
		history[1] = order('b', T0 + 2000, 'COMPLETED');
		expectOrdersPage(history);
		const resultPage = nock(BASE_URL)
			.get('/api/v1/orders/b/results')
			.query({ limit: '100', offset: '0' })
			.reply(200, results(3, 0, 3));
		const { out } = await runPoll({ parameters, staticData });
		expect(resultPage.isDone()).toBe(true);
		expect(out?.[0].map((item) => item.json)).toEqual([
			...[0, 1, 2].map((i) => ({
				event: 'order.finished',
				event_id: `order:b:COMPLETED:company:c${i}`,
				order_id: 'b',
				order_status: 'COMPLETED',
				...results(3, 0, 3).items[i],
			})),
			{
				event: 'order.finished',
				event_id: 'order:f:FAILED',
				order_id: 'f',
				order_status: 'FAILED',
			},
		]);
	});

	it('One Item per Company: 150,000 companies of one order come out (no spread into push)', async () => {
		const parameters = orderParameters({ includeResults: 'perCompany' });
		const staticData = await baseline(parameters);
		history[0] = order('b', T0 + 2000, 'COMPLETED');
		expectOrdersPage(history);
		// A server that ignores `limit` hands over every company in one page.
		const companies = Array.from({ length: 150_000 }, (_, i) => ({ id: `c${i}` }));
		nock(BASE_URL)
			.get('/api/v1/orders/b/results')
			.query(true)
			.reply(200, { items: companies, total: companies.length, has_more: false });
		const { out } = await runPoll({ parameters, staticData });
		expect(out?.[0]).toHaveLength(150_000);
		expect(out?.[0][149_999].json).toMatchObject({ order_id: 'b', id: 'c149999' });
	});

	it('Emit Existing on First Run emits the newest finished orders, up to the maximum', async () => {
		history = [
			order('c', T0 + 3000, 'COMPLETED'),
			order('b', T0 + 2000, 'COMPLETED'),
			order('a', T0 + 1000, 'COMPLETED'),
		];
		expectOrdersPage(history);
		const parameters = orderParameters({
			options: { emitExistingOnFirstRun: true, maxItemsOnFirstRun: 2 },
		});
		const { out, staticData } = await runPoll({ parameters });
		expect(out?.[0].map((item) => item.json.id)).toEqual(['b', 'c']);
		expectOrdersPage(history);
		expect((await runPoll({ parameters, staticData: fromDatabase(staticData) })).out).toBeNull();
	});

	it('refuses an empty status list before sending any request', async () => {
		const error = await pollError({ parameters: orderParameters({ statuses: [] }) });
		expect(error.message).toBe('Statuses: choose at least one status');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('an order without created_at is reported, and nothing is stored', async () => {
		nock(BASE_URL)
			.get('/api/v1/orders')
			.query(true)
			.reply(200, { orders: [{ id: 'q', status: 'COMPLETED' }] });
		const staticData: IDataObject = {};
		const error = await pollError({ parameters: orderParameters(), staticData });
		expect(error.message).toBe('Order q has no readable created_at (got undefined)');
		expect(fromDatabase(staticData)).toEqual({ [STATE_KEY]: {} });
	});
});
