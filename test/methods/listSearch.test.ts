import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
	searchCompanies,
	searchProspects,
	searchProspectSearches,
} from '../../nodes/OpenProspect/methods/listSearch';
import { API_KEY, BASE_URL, loadOptionsContext } from '../helpers/engine';
import { locator as rl } from '../helpers/locator';

const PS = '550e8400-e29b-41d4-a716-446655440000';

const locator = (value: string, mode = 'list') => rl(value, mode);

function api() {
	return nock(BASE_URL).matchHeader('authorization', `Bearer ${API_KEY}`);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('listSearch: searchProspectSearches', () => {
	const context = () =>
		loadOptionsContext(
			{ resource: 'company', operation: 'getAll', prospectSearchId: locator('') },
			'parameters.prospectSearchId',
		);

	it('lists searches with their app URL and any status other than active, and pages by offset', async () => {
		const scope = api()
			.get('/api/v1/prospect-searches')
			.query({ limit: '100', offset: '0' })
			.reply(200, {
				items: [
					{ id: PS, name: 'DACH hotels', status: 'ACTIVE' },
					{ id: 'ps-2', name: '', status: 'PAUSED_BY_ADMIN' },
				],
				total: 3,
				limit: 100,
				offset: 0,
			})
			.get('/api/v1/prospect-searches')
			.query({ limit: '100', offset: '2' })
			.reply(200, { items: [{ id: 'ps-3', name: 'Last' }], total: 3 });
		const first = await searchProspectSearches.call(context());
		expect(first).toEqual({
			results: [
				{
					name: 'DACH hotels',
					value: PS,
					url: `https://app.openprospect.io/searches/${PS}`,
				},
				{
					name: 'ps-2 (Paused by admin)',
					value: 'ps-2',
					url: 'https://app.openprospect.io/searches/ps-2',
				},
			],
			paginationToken: '2',
		});
		const second = await searchProspectSearches.call(context(), undefined, first.paginationToken);
		expect(second.results.map((result) => result.value)).toEqual(['ps-3']);
		expect(second.paginationToken).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('filters the page by name or ID locally (the endpoint has no search parameter)', async () => {
		const scope = api()
			.get('/api/v1/prospect-searches')
			.query({ limit: '100', offset: '0' })
			.reply(200, {
				items: [
					{ id: PS, name: 'DACH hotels' },
					{ id: 'ps-2', name: 'Nordic SaaS' },
				],
				total: 2,
			});
		const { results, paginationToken } = await searchProspectSearches.call(context(), 'hotel');
		expect(results.map((result) => result.value)).toEqual([PS]);
		expect(paginationToken).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('lets an API error surface instead of showing an empty list', async () => {
		const scope = api().get('/api/v1/prospect-searches').query(true).reply(403, {
			code: 'AUTHORIZATION_ERROR',
			message: 'Missing required scopes: prospect_searches:read',
		});
		await expect(searchProspectSearches.call(context())).rejects.toMatchObject({
			message: 'Missing required scopes: prospect_searches:read',
			httpCode: '403',
		});
		expect(scope.isDone()).toBe(true);
	});
});

describe('listSearch: searchCompanies', () => {
	const companyParameters = (prospectSearchId: unknown): INodeParameters => ({
		resource: 'company',
		operation: 'get',
		prospectSearchId: prospectSearchId as INodeParameters[string],
		companyId: locator(''),
	});

	it('lists the companies of the chosen prospect search, searching on the server', async () => {
		const scope = api()
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, search: 'acme', limit: '100', offset: '0' })
			.reply(200, {
				items: [
					{ id: 'c-1', name: 'Acme', city: 'Berlin', website: 'https://acme.example' },
					{ id: 'c-2', name: 'Acme Two' },
				],
				has_more: true,
			});
		const result = await searchCompanies.call(
			loadOptionsContext(companyParameters(locator(PS)), 'parameters.companyId'),
			'acme',
		);
		expect(result).toEqual({
			results: [
				{ name: 'Acme, Berlin', value: 'c-1', url: 'https://acme.example' },
				{ name: 'Acme Two', value: 'c-2', url: undefined },
			],
			paginationToken: '2',
		});
		expect(scope.isDone()).toBe(true);
	});

	it('takes the prospect search from a pasted app URL (extractValue of the URL mode)', async () => {
		const scope = api()
			.get('/api/v1/companies')
			.query({ prospect_search_id: PS, limit: '100', offset: '100' })
			.reply(200, { items: [], has_more: false });
		const context = loadOptionsContext(
			companyParameters(locator(`https://app.openprospect.io/searches/${PS}`, 'url')),
			'parameters.companyId',
		);
		expect(await searchCompanies.call(context, undefined, '100')).toEqual({
			results: [],
			paginationToken: undefined,
		});
		expect(scope.isDone()).toBe(true);
	});

	it('asks for a prospect search first, and sends nothing, when none is chosen', async () => {
		const unused = nock(BASE_URL).get(/.*/).reply(200, { items: [] });
		await expect(
			searchCompanies.call(
				loadOptionsContext(companyParameters(locator('')), 'parameters.companyId'),
			),
		).rejects.toMatchObject({ message: 'Choose a Prospect Search first' });
		expect(unused.isDone()).toBe(false);
	});
});

describe('listSearch: searchProspects', () => {
	const context = () =>
		loadOptionsContext(
			{ resource: 'prospect', operation: 'get', prospectId: locator('') },
			'parameters.prospectId',
		);

	it('labels prospects with name and role, filters locally and pages by has_more', async () => {
		const scope = api()
			.get('/api/v1/prospects')
			.query({ limit: '100', offset: '0' })
			.reply(200, {
				items: [
					{ id: 'ps_1', name: 'Ann Lee', role: 'CEO' },
					{ id: 'ps_2', full_name: 'Bo Berg', title: 'CTO' },
					{ id: 'ps_3' },
				],
				has_more: true,
			});
		expect(await searchProspects.call(context())).toEqual({
			results: [
				{ name: 'Ann Lee – CEO', value: 'ps_1' },
				{ name: 'Bo Berg – CTO', value: 'ps_2' },
				{ name: 'ps_3', value: 'ps_3' },
			],
			paginationToken: '3',
		});
		expect(scope.isDone()).toBe(true);

		const filtered = api()
			.get('/api/v1/prospects')
			.query({ limit: '100', offset: '0' })
			.reply(200, {
				items: [
					{ id: 'ps_1', name: 'Ann Lee' },
					{ id: 'ps_2', name: 'Bo' },
				],
			});
		const { results, paginationToken } = await searchProspects.call(context(), 'ANN');
		expect(results).toEqual([{ name: 'Ann Lee', value: 'ps_1' }]);
		expect(paginationToken).toBeUndefined();
		expect(filtered.isDone()).toBe(true);
	});
});
