import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { OTHER, PATH, prospectSearch, SEARCH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect Search > Get', () => {
	it('GETs each item’s search (with its version), paired to the item', async () => {
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(200, { id: SEARCH, name: 'DACH SaaS', version: 4, extra: [1] })
			.get(`/api/v1/prospect-searches/${OTHER}`)
			.reply(200, { id: OTHER, version: 1 });
		const { items, error } = await runNode({
			parameters: prospectSearch('get', { prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: SEARCH }, { search: OTHER }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: SEARCH, name: 'DACH SaaS', version: 4, extra: [1] }, pairedItem: { item: 0 } },
			{ json: { id: OTHER, version: 1 }, pairedItem: { item: 1 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a failed item becomes an error item paired to it', async () => {
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(404, { code: 'PROSPECT_SEARCH_NOT_FOUND', message: 'Prospect search not found' })
			.get(`/api/v1/prospect-searches/${OTHER}`)
			.reply(200, { id: OTHER });
		const { items, error } = await runNode({
			parameters: prospectSearch('get', { prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: SEARCH }, { search: 'not-a-uuid' }, { search: OTHER }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({
			json: { error: 'Prospect search not found' },
			pairedItem: { item: 0 },
		});
		expect(items[0].error).toMatchObject({ httpCode: '404' });
		expect(items[1]).toMatchObject({
			json: { error: 'Prospect Search: "not-a-uuid" is not a valid UUID [item 1]' },
			pairedItem: { item: 1 },
		});
		expect(items[2]).toEqual({ json: { id: OTHER }, pairedItem: { item: 2 } });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty ID without sending anything', async () => {
		const scope = nock(BASE_URL).get(/.*/).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: prospectSearch('get', { prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: '' }],
		});
		expect(error?.message).toBe('Prospect Search: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});
