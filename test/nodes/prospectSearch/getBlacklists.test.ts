import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { PATH, prospectSearch, SEARCH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect Search > Get Blacklists', () => {
	it('GETs the assigned blacklists, one item each', async () => {
		const scope = nock(BASE_URL)
			.get(`${PATH}/blacklists`)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: [{ id: 'bl-1' }, { id: 'bl-2' }], total: 2 });
		const { items, error } = await runNode({
			parameters: prospectSearch('getBlacklists', {
				prospectSearchId: locator(SEARCH),
				returnAll: true,
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 'bl-1' }, pairedItem: { item: 0 } },
			{ json: { id: 'bl-2' }, pairedItem: { item: 0 } },
		]);
		expect(scope.isDone()).toBe(true);
	});
});
