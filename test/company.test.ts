import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from './helpers/api';
import { runNode } from './helpers/engine';

const PS = '550e8400-e29b-41d4-a716-446655440000';
const PS2 = '660e8400-e29b-41d4-a716-446655440001';
const CO = '7f3e8c90-1234-5678-9abc-def012345678';
const CO2 = '8f3e8c90-1234-5678-9abc-def012345679';

const company = (index: number) => ({
	id: `c-${index}`,
	name: `Company ${index}`,
	city: 'Berlin',
	country: 'Germany',
	business_type: 'Hotel',
	website: `https://c${index}.example`,
	match_score: 8.5,
	review_status: 'accepted',
	prospect_search_id: PS,
	contacts: [{ name: 'Ann' }],
	unknown_field: { kept: true },
});

const companies = (from: number, count: number) =>
	Array.from({ length: count }, (_, offset) => company(from + offset));

const simplified = (index: number) => ({
	id: `c-${index}`,
	name: `Company ${index}`,
	website: `https://c${index}.example`,
	city: 'Berlin',
	country: 'Germany',
	business_type: 'Hotel',
	match_score: 8.5,
	review_status: 'accepted',
	prospect_search_id: PS,
});

function getAll(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'company',
		operation: 'getAll',
		prospectSearchId: locator(PS),
		...parameters,
	};
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

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

function single(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'company', operation, companyId: locator(CO), ...parameters };
}

describe('Company > Get', () => {
	it('GET /api/v1/companies/{id} simplifies by default; the prospect search only feeds the list', async () => {
		const { scope, seen } = api();
		scope.get(`/api/v1/companies/${CO}`).query({}).reply(200, company(0));
		const { items, error } = await runNode({
			parameters: single('get', {
				prospectSearchId: locator(PS, 'list'),
				companyId: locator(CO, 'list'),
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simplified(0), pairedItem: { item: 0 } }]);
		expect(seen).toEqual([{ method: 'GET', path: `/api/v1/companies/${CO}`, body: '' }]);
		expect(scope.isDone()).toBe(true);
	});

	it('returns the raw record with Simplify off, one request per input item, paired', async () => {
		const { scope } = api();
		scope
			.get(`/api/v1/companies/${CO}`)
			.reply(200, company(1))
			.get(`/api/v1/companies/${CO2}`)
			.query({ include: 'contacts' })
			.reply(200, company(2));
		const { items, error } = await runNode({
			parameters: single('get', {
				companyId: locator('={{ $json.id }}'),
				simplify: false,
				options: {
					queryParameters: { parameter: [{ name: '={{ $json.extra }}', value: 'contacts' }] },
				},
			}),
			input: [
				{ id: CO, extra: '' },
				{ id: CO2, extra: 'include' },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: company(1), pairedItem: { item: 0 } },
			{ json: company(2), pairedItem: { item: 1 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a 404 becomes an error item paired to its input', async () => {
		const { scope } = api();
		scope
			.get(`/api/v1/companies/${CO}`)
			.reply(404, { code: 'ENTITY_NOT_FOUND', message: 'Company not found' })
			.get(`/api/v1/companies/${CO2}`)
			.reply(200, { id: CO2 });
		const { items, error } = await runNode({
			parameters: single('get', { companyId: locator('={{ $json.id }}') }),
			input: [{ id: CO }, { id: CO2 }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			json: { error: 'Company not found' },
			pairedItem: { item: 0 },
		});
		expect(items[0].error).toMatchObject({ httpCode: '404' });
		expect(items[1]).toEqual({ json: { id: CO2 }, pairedItem: { item: 1 } });
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['an empty company', '', 'Company: is empty [item 0]'],
		['a malformed company UUID', 'acme', 'Company: "acme" is not a valid UUID [item 0]'],
	])('refuses %s and sends nothing', async (_name, id, message) => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: single('get', { companyId: locator('={{ $json.id }}') }),
			input: [{ id }],
		});
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});
});

describe('Company > sub-resources', () => {
	it.each([
		['getJobSummary', '/jobs/summary', { open_positions: 12, trend: 'growing' }],
		['getWebtechIntel', '/webtech-intel', { technologies: [{ name: 'React' }], cms: 'WordPress' }],
		['getWebtechIntelSummary', '/webtech-intel/summary', { categories: { analytics: 3 } }],
	])(
		'%s GETs /api/v1/companies/{id}%s and passes the body through',
		async (operation, suffix, body) => {
			const { scope, seen } = api();
			scope.get(`/api/v1/companies/${CO}${suffix}`).query({}).reply(200, body);
			const { items, error } = await runNode({ parameters: single(operation) });
			expect(error).toBeUndefined();
			expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
			expect(seen).toEqual([{ method: 'GET', path: `/api/v1/companies/${CO}${suffix}`, body: '' }]);
			expect(scope.isDone()).toBe(true);
		},
	);

	it.each(['getJobs', 'getJobSummary', 'getWebtechIntel', 'getWebtechIntelSummary'])(
		'%s refuses a malformed company UUID and sends nothing',
		async (operation) => {
			const trapped = trap();
			const { error } = await runNode({
				parameters: single(operation, { companyId: locator('={{ "123" }}') }),
			});
			expect(error?.message).toBe('Company: "123" is not a valid UUID [item 0]');
			expectNothingSent(trapped);
		},
	);
});

describe('Company > Get Jobs', () => {
	const job = (index: number) => ({ id: `j-${index}`, title: `Job ${index}` });
	const jobs = (from: number, count: number) =>
		Array.from({ length: count }, (_, offset) => job(from + offset));

	it('a list envelope becomes one item per job (first request without paging parameters)', async () => {
		const { scope, seen } = api();
		scope
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({})
			.reply(200, { items: jobs(0, 3), total: 3 });
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(jobs(0, 3).map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(seen).toEqual([{ method: 'GET', path: `/api/v1/companies/${CO}/jobs`, body: '' }]);
		expect(scope.isDone()).toBe(true);
	});

	it('applies Limit to an unpaginated list', async () => {
		const { scope } = api();
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, [job(0), job(1), job(2)]);
		const { items } = await runNode({ parameters: single('getJobs', { limit: 2 }) });
		expect(items.map((item) => item.json.id)).toEqual(['j-0', 'j-1']);
		expect(scope.isDone()).toBe(true);
	});

	it('an object that is not a list passes through as one item', async () => {
		const { scope } = api();
		const body = { company_id: CO, jobs: [job(0)], departments: ['Sales'] };
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, body);
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('a paginated answer (has_more) is read page by page when more jobs are wanted', async () => {
		const { scope, seen } = api();
		scope
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({})
			.reply(200, { items: jobs(0, 50), total: 130, has_more: true })
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: jobs(0, 100), total: 130, has_more: true })
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: jobs(100, 30), total: 130, has_more: false });
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: job(129), pairedItem: { item: 0 } });
		expect(seen).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('does not read further pages when the first one already holds the Limit', async () => {
		const { scope, seen } = api();
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, { items: jobs(0, 50), has_more: true });
		const { items } = await runNode({ parameters: single('getJobs', { limit: 20 }) });
		expect(items).toHaveLength(20);
		expect(seen).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses Limit 0 and sends nothing', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: single('getJobs', { limit: '={{ 0 }}' }) });
		expect(error?.message).toBe('Limit: must be a whole number from 1 to 100000, got 0 [item 0]');
		expectNothingSent(trapped);
	});
});
