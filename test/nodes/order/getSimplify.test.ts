import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, locator } from '../../helpers/api';
import { runNode } from '../../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const raw = {
	id: 'ord-1',
	status: 'REJECTED',
	order_type: 'DISCOVERY',
	title: 'Q1 hotels',
	briefing_quantity: 25,
	rejection_reason: 'The profile is too broad',
	profile_id: 'prof-1',
	created_at: '2025-06-01T08:00:00Z',
	updated_at: '2025-06-01T09:00:00Z',
	features: ['COMPANY_DATA'],
	review: { reviewer: 'ops', notes: ['long text'] },
};

describe('Order > Get', () => {
	it('Simplify (on by default): the flat fields that say what the order is and where it stands', async () => {
		const { scope, seen } = api();
		scope.get('/api/v1/orders/ord-1').reply(200, raw);
		const { items, error } = await runNode({
			parameters: { resource: 'order', operation: 'get', orderId: locator('ord-1') },
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET /api/v1/orders/ord-1',
		]);
		expect(items).toEqual([
			{
				json: {
					id: 'ord-1',
					status: 'REJECTED',
					order_type: 'DISCOVERY',
					title: 'Q1 hotels',
					briefing_quantity: 25,
					status_message: 'The profile is too broad',
					profile_id: 'prof-1',
					created_at: '2025-06-01T08:00:00Z',
					updated_at: '2025-06-01T09:00:00Z',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Simplify off: the record as OpenProspect sent it', async () => {
		const { scope } = api();
		scope.get('/api/v1/orders/ord-1').reply(200, raw);
		const { items } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'get',
				orderId: locator('ord-1'),
				simplify: false,
			},
		});
		expect(items).toEqual([{ json: raw, pairedItem: { item: 0 } }]);
	});
});
