/**
 * Forms of a parameter an expression or an AI agent may send that the node accepts, checked on the
 * real engine by what reaches the API.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../helpers/api';
import { runNode } from '../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const SEARCH = '550e8400-e29b-41d4-a716-446655440000';

describe('parameter forms that are accepted', () => {
	it('Limit as a numeric string from an expression is used like a number', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/orders')
			.query({ limit: '3', offset: '0' })
			.reply(200, { orders: [{ id: 'o-1' }, { id: 'o-2' }, { id: 'o-3' }], has_more: true });
		const { items, error } = await runNode({
			parameters: { resource: 'order', operation: 'getAll', limit: '={{ $json.limit }}' },
			input: [{ limit: ' 3 ' }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET /api/v1/orders?limit=3&offset=0',
		]);
	});

	it('an Idempotency Key with spaces around it is sent trimmed, exactly as given otherwise', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/blacklists').reply(201, { id: 'bl-9' });
		const { error } = await runNode({
			parameters: {
				resource: 'blacklist',
				operation: 'create',
				name: 'Competitors',
				options: { idempotencyKey: '  CRM export #7: 2025/06/01  ' },
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ key }) => key)).toEqual(['CRM export #7: 2025/06/01']);
	});

	it('Set Blacklists tolerates one trailing comma and drops repeated IDs', async () => {
		const { scope, seen } = api();
		scope.put(`/api/v1/prospect-searches/${SEARCH}/blacklists`).reply(200, { total: 2 });
		const { error } = await runNode({
			parameters: {
				resource: 'prospectSearch',
				operation: 'setBlacklists',
				prospectSearchId: locator(SEARCH),
				blacklistIds: 'bl-1, bl_2, bl-1,',
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ body }) => body)).toEqual([{ blacklist_ids: ['bl-1', 'bl_2'] }]);
	});

	it('Update Mask takes nested field paths, as AIP-134 field masks do', async () => {
		const { scope, seen } = api();
		scope.patch(`/api/v1/prospect-searches/${SEARCH}`).reply(200, { id: SEARCH, version: 4 });
		const { error } = await runNode({
			parameters: {
				resource: 'prospectSearch',
				operation: 'update',
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 3,
				updateFields: { name: 'Renamed' },
				options: { updateMask: 'name, language_config.output_language' },
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ body }) => body)).toEqual([
			{ version: 3, update_mask: ['name', 'language_config.output_language'], name: 'Renamed' },
		]);
	});
});

describe('Idempotency Key is checked for every item before anything is sent', () => {
	it('Blacklist > Add Entries: a bad key on the item of the second request stops the run before the first request', async () => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: {
				resource: 'blacklist',
				operation: 'addEntries',
				blacklistId: locator('={{ $json.blacklist }}'),
				source: 'fields',
				companyName: '={{ $json.name }}',
				options: { idempotencyKey: '={{ $json.key }}' },
			},
			input: [
				{ blacklist: 'bl-1', name: 'Acme', key: 'sync-1' },
				{ blacklist: 'bl-2', name: 'Beta', key: 'sync-2\n' },
			],
		});
		expect(error?.message).toBe(
			'Idempotency Key: character 7 (U+000A) is not printable ASCII [item 1]',
		);
		expectNothingSent(trapped);
	});
});
