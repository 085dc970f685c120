import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { order } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

describe('Order > Get Many', () => {
	it('Get Many: the `orders` list with a Limit and additional query parameters', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/orders')
			.query({ limit: '2', offset: '0', status: 'COMPLETED' })
			.reply(200, {
				orders: [order('COMPLETED'), order('COMPLETED', { id: 'ord-2' })],
				total: 9,
				has_more: true,
			});
		const { items, error } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'getAll',
				limit: 2,
				options: { queryParameters: { parameter: [{ name: 'status', value: 'COMPLETED' }] } },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['ord-1', 'ord-2']);
		expect(scope.isDone()).toBe(true);
	});

	it('Get Many: Return All reads every page', async () => {
		const { scope } = api();
		const orders = Array.from({ length: 120 }, (_, i) => order('RECEIVED', { id: `ord-${i}` }));
		scope
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '0' })
			.reply(200, { orders: orders.slice(0, 100), total: 120 })
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '100' })
			.reply(200, { orders: orders.slice(100), total: 120 });
		const { items, error } = await runNode({
			parameters: { resource: 'order', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(scope.isDone()).toBe(true);
	});
});
