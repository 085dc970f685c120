import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { companies, company, PS, simplified } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const PS2 = '660e8400-e29b-41d4-a716-446655440001';

function getAll(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'company',
		operation: 'getAll',
		prospectSearchId: locator(PS),
		...parameters,
	};
}

describe('Company > Get Many', () => {
	it('sends prospect_search_id, the filters and extra parameters, and passes raw records through', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/companies')
			.query({
				prospect_search_id: PS,
				min_match_score: '7.5',
				review_status: 'accepted',
				search: 'Berlin',
				country: 'DE',
				limit: '10',
				offset: '0',
			})
			.reply(200, { items: companies(0, 2), total: 2, limit: 10, offset: 0, has_more: false });
		const { items, error } = await runNode({
			parameters: getAll({
				limit: 10,
				simplify: false,
				filters: { minMatchScore: 7.5, reviewStatus: ['accepted'], search: ' Berlin ' },
				options: { queryParameters: { parameter: [{ name: 'country', value: 'DE' }] } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: company(0), pairedItem: { item: 0 } },
			{ json: company(1), pairedItem: { item: 0 } },
		]);
		expect(seen.map(({ method, body }) => ({ method, body }))).toEqual([
			{ method: 'GET', body: '' },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('sends several review statuses as repeated review_status_list and simplifies by default', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/companies')
			.query({
				prospect_search_id: PS,
				review_status_list: ['accepted', 'pending'],
				limit: '50',
				offset: '0',
			})
			.reply(200, { items: [company(0)], has_more: false });
		const { items, error } = await runNode({
			parameters: getAll({ filters: { reviewStatus: ['accepted', 'pending'] } }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simplified(0), pairedItem: { item: 0 } }]);
		expect(seen[0].path).toBe(
			`/api/v1/companies?review_status_list=accepted&review_status_list=pending&prospect_search_id=${PS}&limit=50&offset=0`,
		);
		expect(scope.isDone()).toBe(true);
	});

	it('Return All reads 250 records in 3 pages of 100 (offsets 0, 100, 200)', async () => {
		const { scope, seen } = api();
		for (const [offset, count, more] of [
			[0, 100, true],
			[100, 100, true],
			[200, 50, false],
		] as const) {
			scope
				.get('/api/v1/companies')
				.query({ prospect_search_id: PS, limit: '100', offset: String(offset) })
				.reply(200, { items: companies(offset, count), total: 250, has_more: more });
		}
		const { items, error } = await runNode({
			parameters: getAll({ returnAll: true, simplify: false }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(items.map((item) => item.json.id)).toEqual(companies(0, 250).map(({ id }) => id));
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(seen).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('Limit 150 sends 2 requests: limit=100 then limit=50', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, limit: '100', offset: '0' })
			.reply(200, { items: companies(0, 100), total: 400, has_more: true })
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, limit: '50', offset: '100' })
			.reply(200, { items: companies(100, 50), total: 400, has_more: true });
		const { items, error } = await runNode({ parameters: getAll({ limit: 150 }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(150);
		expect(items[149].json.id).toBe('c-149');
		expect(seen).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});

	it('runs once per input item, each output paired to the item it came from', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, limit: '50', offset: '0' })
			.reply(200, { items: companies(0, 2), has_more: false })
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS2, limit: '50', offset: '0' })
			.reply(200, { items: companies(10, 1), has_more: false });
		const { items, error } = await runNode({
			parameters: getAll({ prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: PS }, { search: PS2 }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['c-0', { item: 0 }],
			['c-1', { item: 0 }],
			['c-10', { item: 1 }],
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a failing item becomes an error item paired to it and the others succeed', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, limit: '50', offset: '0' })
			.reply(404, { code: 'PROSPECT_SEARCH_NOT_FOUND', message: 'Prospect search not found' })
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS2, limit: '50', offset: '0' })
			.reply(200, { items: [company(5)], has_more: false });
		const { items, error } = await runNode({
			parameters: getAll({ prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: PS }, { search: 'not-a-uuid' }, { search: PS2 }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toEqual({ error: 'Prospect search not found' });
		expect(items[0].error).toMatchObject({ httpCode: '404' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.error).toBe('Prospect Search: "not-a-uuid" is not a valid UUID [item 1]');
		expect(items[2]).toMatchObject({ json: { id: 'c-5' }, pairedItem: { item: 2 } });
		expect(scope.isDone()).toBe(true);
	});

	it('without Continue On Fail, an API error stops the node with the API message', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/companies')
			.query(true)
			.reply(403, {
				code: 'AUTHORIZATION_ERROR',
				message: 'Missing required scopes: companies:read',
				details: { required_scopes: ['companies:read'], user_scopes: [] },
			});
		const { items, error } = await runNode({ parameters: getAll() });
		expect(items).toEqual([]);
		expect(error).toMatchObject({
			message: 'Missing required scopes: companies:read',
			httpCode: '403',
		});
		expect(error?.description).toContain('Required scopes: companies:read');
		expect(scope.isDone()).toBe(true);
	});
});

describe('Company > Get Many: validation sends nothing', () => {
	const cases: Array<[string, INodeParameters, Record<string, string>[], string]> = [
		[
			'an empty prospect search',
			getAll({ prospectSearchId: locator('={{ $json.search }}') }),
			[{ search: '' }],
			'Prospect Search: is empty [item 0]',
		],
		[
			'a malformed prospect search UUID',
			getAll({ prospectSearchId: locator('={{ $json.search }}') }),
			[{ search: '550e8400-e29b-41d4' }],
			'Prospect Search: "550e8400-e29b-41d4" is not a valid UUID [item 0]',
		],
		[
			'a minimum match score above 10',
			getAll({ filters: { minMatchScore: 11 } }),
			[{}],
			'Min Match Score: must be a number from 0 to 10, got 11 [item 0]',
		],
		[
			'a negative minimum match score',
			getAll({ filters: { minMatchScore: '={{ -1 }}' } }),
			[{}],
			'Min Match Score: must be a number from 0 to 10, got -1 [item 0]',
		],
		[
			'an unknown review status',
			getAll({ filters: { reviewStatus: '={{ ["accepted", "maybe"] }}' } }),
			[{}],
			'Review Status: "maybe" is not one of accepted, pending, rejected [item 0]',
		],
		[
			'Limit 0',
			getAll({ limit: '={{ 0 }}' }),
			[{}],
			'Limit: must be a whole number from 1 to 100000, got 0 [item 0]',
		],
	];

	it.each(cases)('refuses %s', async (_name, parameters, input, message) => {
		const trapped = trap();
		const { items, error } = await runNode({ parameters, input });
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});
});
