import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { prospectSearch } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect Search > Get Many', () => {
	const search = (index: number) => ({
		id: `s-${index}`,
		name: `Search ${index}`,
		status: 'active',
	});

	it('Return All reads every page of the envelope without has_more (by total)', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/prospect-searches')
			.query({ limit: '100', offset: '0', status: 'active' })
			.reply(200, {
				items: Array.from({ length: 100 }, (_, index) => search(index)),
				total: 150,
				limit: 100,
				offset: 0,
			})
			.get('/api/v1/prospect-searches')
			.query({ limit: '100', offset: '100', status: 'active' })
			.reply(200, {
				items: Array.from({ length: 50 }, (_, index) => search(100 + index)),
				total: 150,
				limit: 100,
				offset: 100,
			});
		const { items, error } = await runNode({
			parameters: prospectSearch('getAll', {
				returnAll: true,
				options: { queryParameters: { parameter: [{ name: 'status', value: 'active' }] } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(150);
		expect(items[149]).toEqual({ json: search(149), pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('Limit asks for just that many', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/prospect-searches')
			.query({ limit: '2', offset: '0' })
			.reply(200, { items: [search(1), search(2)], total: 9 });
		const { items } = await runNode({ parameters: prospectSearch('getAll', { limit: 2 }) });
		expect(items.map((item) => item.json)).toEqual([search(1), search(2)]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a Limit out of range without sending anything', async () => {
		const scope = nock(BASE_URL).get(/.*/).reply(200, { items: [] });
		const pending = nock.pendingMocks();
		const { error } = await runNode({ parameters: prospectSearch('getAll', { limit: 0 }) });
		expect(error?.message).toBe('Limit: must be a whole number from 1 to 100000, got 0 [item 0]');
		expectNothingSent({ scope, pending });
	});
});
