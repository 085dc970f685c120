/**
 * Options > Max Concurrent Requests of the list operations, on the real engine: the default reads
 * pages several at a time, 1 reads them one after the other, and a bad value is refused before any
 * request.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, trap } from '../helpers/api';
import { BASE_URL, runNode } from '../helpers/engine';
import { after } from './tricklingServer.mjs';

const orders = (from: number, count: number): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({ id: `o${from + index}`, status: 'COMPLETED' }));

/** GET /api/v1/orders with `total` orders, a small delay per page, the most requests in flight kept. */
function serveOrders(total: number) {
	const offsets: number[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	nock(BASE_URL)
		.get('/api/v1/orders')
		.query(true)
		.times(100)
		.reply((uri, _body, callback) => {
			const query = new URL(uri, BASE_URL).searchParams;
			const offset = Number(query.get('offset'));
			const limit = Number(query.get('limit'));
			offsets.push(offset);
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			after(10, () => {
				inFlight--;
				callback(null, [200, { orders: orders(offset, Math.max(0, Math.min(limit, total - offset))), total }]);
			});
		});
	return { offsets, maxInFlight: () => maxInFlight };
}

const getMany = (options: IDataObject = {}) => ({ resource: 'order', operation: 'getAll', returnAll: true, options });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Options > Max Concurrent Requests', () => {
	it('by default reads the pages of Return All several at a time, in order, at the floor of requests', async () => {
		const server = serveOrders(1500);
		const { items, error } = await runNode({ parameters: getMany() });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(orders(0, 1500).map((order) => order.id));
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(server.offsets).toHaveLength(15);
		expect(server.maxInFlight()).toBeGreaterThan(1);
		expect(server.maxInFlight()).toBeLessThanOrEqual(8);
	});

	it('1 reads one page after the other', async () => {
		const server = serveOrders(800);
		const { items, error } = await runNode({ parameters: getMany({ maxConcurrentRequests: 1 }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(800);
		expect(server.maxInFlight()).toBe(1);
		expect(server.offsets).toEqual([0, 100, 200, 300, 400, 500, 600, 700]);
	});

	it.each([0, 17, 2.5])('%s is refused before any request, naming the parameter and item', async (value) => {
		const trapped = trap();
		const { error } = await runNode({ parameters: getMany({ maxConcurrentRequests: value }) });
		expect(error?.message).toMatch(/^Max Concurrent Requests: must be a whole number from 1 to 16, got .* \[item 0\]$/);
		expectNothingSent(trapped);
	});
});
