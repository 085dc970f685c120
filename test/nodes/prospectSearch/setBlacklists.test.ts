import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { OTHER, PATH, prospectSearch, SEARCH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect Search > Set Blacklists', () => {
	const answer = { prospect_search_id: SEARCH, blacklist_ids: ['bl-1', 'bl-2'], total: 2 };

	it('PUTs the comma-separated list as the whole new set', async () => {
		const scope = nock(BASE_URL)
			.put(`${PATH}/blacklists`, { blacklist_ids: ['bl-1', 'bl-2'] })
			.reply(200, answer);
		const { items, error } = await runNode({
			parameters: prospectSearch('setBlacklists', {
				prospectSearchId: locator(SEARCH),
				blacklistIds: 'bl-1, bl-2, bl-1',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('takes an array expression per item, pairing each output to its item', async () => {
		const scope = nock(BASE_URL)
			.put(`${PATH}/blacklists`, { blacklist_ids: ['bl-1', 'bl-2'] })
			.reply(200, answer)
			.put(`/api/v1/prospect-searches/${OTHER}/blacklists`, { blacklist_ids: ['bl-3'] })
			.reply(204);
		const { items, error } = await runNode({
			parameters: prospectSearch('setBlacklists', {
				prospectSearchId: locator('={{ $json.search }}'),
				blacklistIds: '={{ $json.lists }}',
			}),
			input: [
				{ search: SEARCH, lists: ['bl-1', 'bl-2'] },
				{ search: OTHER, lists: ['bl-3'] },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: answer, pairedItem: { item: 0 } },
			{
				json: { prospect_search_id: OTHER, blacklist_ids: ['bl-3'] },
				pairedItem: { item: 1 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('Clear All sends an empty list', async () => {
		const scope = nock(BASE_URL)
			.put(`${PATH}/blacklists`, { blacklist_ids: [] })
			.reply(200, { prospect_search_id: SEARCH, blacklist_ids: [], total: 0 });
		const { items, error } = await runNode({
			parameters: prospectSearch('setBlacklists', {
				prospectSearchId: locator(SEARCH),
				clearAll: true,
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ prospect_search_id: SEARCH, blacklist_ids: [], total: 0 });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty list without Clear All, sending nothing', async () => {
		const scope = nock(BASE_URL).put(`${PATH}/blacklists`).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: prospectSearch('setBlacklists', {
				prospectSearchId: locator(SEARCH),
				blacklistIds: '={{ [] }}',
			}),
		});
		expect(error?.message).toBe('Blacklist IDs: is empty [item 0]');
		expect(error?.description).toBe(
			'An empty list would remove every blacklist from the prospect search. Turn on Clear All if that is what you want.',
		);
		expectNothingSent({ scope, pending });
	});
});

describe('Prospect Search > Set Blacklists description', () => {
	it('says that it replaces the whole set', async () => {
		const { OpenProspect } = await import('../../../nodes/OpenProspect/OpenProspect.node');
		const properties = new OpenProspect().description.properties;
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('prospectSearch'),
		);
		const option = operation?.options?.find(
			(entry) => 'value' in entry && entry.value === 'setBlacklists',
		);
		expect(option && 'description' in option ? option.description : '').toMatch(
			/Replace the whole set/,
		);
		const ids = properties.find(
			(property) =>
				property.name === 'blacklistIds' &&
				property.displayOptions?.show?.operation?.includes('setBlacklists'),
		);
		expect(ids?.description).toMatch(/replaces the current set/);
	});
});
