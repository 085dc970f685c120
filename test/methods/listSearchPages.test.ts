/** The resource-locator lists read their page through the transport's page reader. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { searchBlacklists } from '../../nodes/OpenProspect/methods/listSearch';
import { API_KEY, BASE_URL, loadOptionsContext } from '../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const context = () =>
	loadOptionsContext(
		{
			resource: 'blacklist',
			operation: 'get',
			blacklistId: { __rl: true, mode: 'list', value: '' },
		},
		'parameters.blacklistId',
	);

const api = () => nock(BASE_URL).matchHeader('authorization', `Bearer ${API_KEY}`);

describe('resource-locator lists', () => {
	it('an answer that is not a list is an error, not an empty list', async () => {
		api().get('/api/v1/blacklists').query({ limit: '100', offset: '0' }).reply(200, { ok: true });
		await expect(searchBlacklists.call(context())).rejects.toThrow(
			'OpenProspect returned something that is not a list for GET /api/v1/blacklists',
		);
	});

	it('reads the page at the pagination token, and ends where the list ends', async () => {
		const scope = api()
			.get('/api/v1/blacklists')
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: [{ id: 'bl-101', name: 'Last one' }], total: 101 });
		expect(await searchBlacklists.call(context(), undefined, '100')).toEqual({
			results: [{ name: 'Last one', value: 'bl-101' }],
			paginationToken: undefined,
		});
		expect(scope.isDone()).toBe(true);
	});
});
