import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from './helpers/api';
import { BASE_URL, runNode } from './helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
const OTHER = '7f3e8c90-1234-5678-9abc-def012345678';
const PATH = `/api/v1/prospect-searches/${SEARCH}`;

function prospectSearch(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'prospectSearch', operation, ...parameters };
}

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

describe('Prospect Search > Update', () => {
	it('reads the current version first, then PATCHes with a computed update mask', async () => {
		const updated = {
			id: SEARCH,
			name: 'New name',
			ideal_customer_profile: 'B2B SaaS in DACH',
			version: 8,
			stripped_fields: [],
		};
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(200, { id: SEARCH, version: 7 })
			.patch(PATH, {
				version: 7,
				update_mask: ['ideal_customer_profile', 'name'],
				ideal_customer_profile: 'B2B SaaS in DACH',
				name: 'New name',
			})
			.reply(200, updated);
		const { items, error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				updateFields: { name: ' New name ', idealCustomerProfile: 'B2B SaaS in DACH' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('sends a given Version and the user’s update mask, passing stripped_fields through', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { version: 3, update_mask: ['name', 'search_keywords'], name: 'Renamed' })
			.reply(200, { id: SEARCH, version: 4, stripped_fields: ['search_keywords'] });
		const { items, error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 3,
				updateFields: { name: 'Renamed' },
				options: { updateMask: 'name, search_keywords' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: SEARCH, version: 4, stripped_fields: ['search_keywords'] });
		expect(scope.isDone()).toBe(true);
	});

	it('explains a 409 version conflict in terms of the node’s parameters', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { version: 2, update_mask: ['name'], name: 'X' })
			.reply(409, {
				code: 'VERSION_CONFLICT',
				message: `Prospect search ${SEARCH} is at version 5, not 2; fetch it again and retry`,
			});
		const { error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 2,
				updateFields: { name: 'X' },
			}),
		});
		expect(error?.httpCode).toBe('409');
		expect(error?.message).toBe(
			`Prospect search ${SEARCH} is at version 5, not 2; fetch it again and retry`,
		);
		expect(error?.description).toMatch(
			/^Version 2 is not the current version of the prospect search \(optimistic locking\)\. Turn on Use Current Version/,
		);
		expect(error?.description).toContain('Code: VERSION_CONFLICT');
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty update without sending anything (not even the version read)', async () => {
		const scope = nock(BASE_URL).get(PATH).reply(200, { version: 1 }).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: prospectSearch('update', { prospectSearchId: locator(SEARCH), updateFields: {} }),
		});
		expect(error?.message).toBe('Update Fields: nothing to update [item 0]');
		expect(error?.description).toBe('Add Name and/or Ideal Customer Profile under Update Fields.');
		expectNothingSent({ scope, pending });
	});

	it('refuses an empty name and a Version that is not a whole number without sending anything', async () => {
		const scope = nock(BASE_URL).get(PATH).reply(200, { version: 1 }).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const empty = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				updateFields: { name: ' ' },
			}),
		});
		expect(empty.error?.message).toBe('Name: is empty [item 0]');
		const fractional = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 1.5,
				updateFields: { name: 'A' },
			}),
		});
		expect(fractional.error?.message).toBe('Version: must be a whole number of 0 or more [item 0]');
		expectNothingSent({ scope, pending });
	});
});

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
		const { OpenProspect } = await import('../nodes/OpenProspect/OpenProspect.node');
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
