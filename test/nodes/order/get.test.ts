import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { order, ORDER_ID, ORDER_PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

describe('Order > Get', () => {
	it('Get: GET /api/v1/orders/{id}, passed through unchanged with Simplify off', async () => {
		const { scope, seen } = api();
		scope.get(ORDER_PATH).reply(200, order('IN_PROGRESS'));
		const { items, error } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'get',
				orderId: locator(ORDER_ID),
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET ${ORDER_PATH}`]);
		expect(items).toEqual([{ json: order('IN_PROGRESS'), pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('Get and Get Results refuse an empty order ID before sending anything', async () => {
		const trapped = trap();
		for (const operation of ['get', 'getResults']) {
			const { error } = await runNode({
				parameters: { resource: 'order', operation, orderId: locator(' ') },
			});
			expect(error?.message).toBe('Order: is empty [item 0]');
		}
		expectNothingSent(trapped);
	});
});
