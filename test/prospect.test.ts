import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from './helpers/api';
import { runNode } from './helpers/engine';

const PS = '550e8400-e29b-41d4-a716-446655440000';
const CO = '7f3e8c90-1234-5678-9abc-def012345678';

const prospect = (index: number) => ({
	id: `ps_${index}`,
	first_name: 'Ann',
	last_name: `Lee ${index}`,
	job_title: 'CEO',
	email: `ann${index}@example.com`,
	phone: '+49 30 1234',
	linkedin_url: `https://linkedin.com/in/ann${index}`,
	company: { id: CO, name: 'Acme' },
	seniority: 'c_level',
	unknown_field: { kept: true },
});

const prospects = (from: number, count: number) =>
	Array.from({ length: count }, (_, offset) => prospect(from + offset));

const simplified = (index: number) => ({
	id: `ps_${index}`,
	first_name: 'Ann',
	last_name: `Lee ${index}`,
	title: 'CEO',
	email: `ann${index}@example.com`,
	phone: '+49 30 1234',
	linkedin_url: `https://linkedin.com/in/ann${index}`,
	company_id: CO,
	company_name: 'Acme',
	name: `Ann Lee ${index}`,
});

function getAll(parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'prospect', operation: 'getAll', ...parameters };
}

function get(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'prospect',
		operation: 'get',
		prospectId: locator('ps_abc123'),
		...parameters,
	};
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect > Get Many', () => {
	it('GET /api/v1/prospects with the filters and extra parameters; raw records pass through', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/prospects')
			.query({
				company_id: CO,
				prospect_search_id: PS,
				seniority: 'c_level',
				limit: '5',
				offset: '0',
			})
			.reply(200, { items: prospects(0, 2), total: 2 });
		const { items, error } = await runNode({
			parameters: getAll({
				limit: 5,
				simplify: false,
				filters: { companyId: CO, prospectSearchId: ` ${PS} ` },
				options: { queryParameters: { parameter: [{ name: 'seniority', value: 'c_level' }] } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: prospect(0), pairedItem: { item: 0 } },
			{ json: prospect(1), pairedItem: { item: 0 } },
		]);
		expect(seen.map(({ method, body }) => ({ method, body }))).toEqual([
			{ method: 'GET', body: '' },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('without filters sends only paging, and simplifies by default', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/prospects')
			.query({ limit: '50', offset: '0' })
			.reply(200, { items: [prospect(0)], has_more: false });
		const { items, error } = await runNode({ parameters: getAll() });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simplified(0), pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('Return All reads 250 prospects in 3 pages (offsets 0, 100, 200)', async () => {
		const { scope, seen } = api();
		for (const [offset, count] of [
			[0, 100],
			[100, 100],
			[200, 50],
		]) {
			scope
				.get('/api/v1/prospects')
				.query({ limit: '100', offset: String(offset) })
				.reply(200, { items: prospects(offset, count), total: 250 });
		}
		const { items, error } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(prospects(0, 250).map(({ id }) => id));
		expect(seen).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('Limit 150 sends limit=100 then limit=50', async () => {
		const { scope, seen } = api();
		scope
			.get('/api/v1/prospects')
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: prospects(0, 100), has_more: true })
			.get('/api/v1/prospects')
			.query({ limit: '50', offset: '100' })
			.reply(200, { items: prospects(100, 50), has_more: true });
		const { items, error } = await runNode({ parameters: getAll({ limit: 150 }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(150);
		expect(seen).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['companyId', 'Company ID'],
		['prospectSearchId', 'Prospect Search ID'],
	])('refuses a malformed %s filter and sends nothing', async (filter, displayName) => {
		const trapped = trap();
		const { error } = await runNode({ parameters: getAll({ filters: { [filter]: 'acme' } }) });
		expect(error?.message).toBe(`Filters > ${displayName}: "acme" is not a valid UUID [item 0]`);
		expectNothingSent(trapped);
	});

	it('refuses Limit 0 and sends nothing', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: getAll({ limit: '={{ 0 }}' }) });
		expect(error?.message).toBe('Limit: must be a whole number from 1 to 100000, got 0 [item 0]');
		expect(error?.description).toBe('Or turn on Return All.');
		expectNothingSent(trapped);
	});
});

describe('Prospect > Get', () => {
	it('GET /api/v1/prospects/{id} with a non-UUID id, simplified by default', async () => {
		const { scope, seen } = api();
		scope.get('/api/v1/prospects/ps_abc123').query({}).reply(200, prospect(7));
		const { items, error } = await runNode({ parameters: get() });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simplified(7), pairedItem: { item: 0 } }]);
		expect(seen).toEqual([{ method: 'GET', path: '/api/v1/prospects/ps_abc123', body: '' }]);
		expect(scope.isDone()).toBe(true);
	});

	it('simplifies tolerantly: missing fields are left out', async () => {
		const { scope } = api();
		scope.get('/api/v1/prospects/ps_abc123').reply(200, { id: 'ps_abc123', full_name: 'Bo' });
		const { items } = await runNode({ parameters: get() });
		expect(items).toEqual([{ json: { id: 'ps_abc123', name: 'Bo' }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('multi-item input with Continue On Fail: the 404 item errors, the others succeed, all paired', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/prospects/ps_1')
			.reply(200, prospect(1))
			.get('/api/v1/prospects/ps_2')
			.reply(404, {
				code: 'ENTITY_NOT_FOUND',
				message: 'Prospect not found',
				entity_type: 'prospect',
				identifier: 'ps_2',
			})
			.get('/api/v1/prospects/ps_3')
			.reply(200, prospect(3));
		const { items, error } = await runNode({
			parameters: get({ prospectId: locator('={{ $json.id }}'), simplify: false }),
			input: [{ id: 'ps_1' }, { id: 'ps_2' }, { id: 'ps_3' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({ json: prospect(1), pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Prospect not found' },
			pairedItem: { item: 1 },
		});
		expect(items[1].error).toMatchObject({ httpCode: '404' });
		expect(items[2]).toEqual({ json: prospect(3), pairedItem: { item: 2 } });
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['an empty id', '', 'Prospect: is empty [item 0]'],
		[
			'an id with a slash',
			'ps_1/jobs',
			'Prospect: "ps_1/jobs" is not an ID (it contains / ? or #) [item 0]',
		],
	])('refuses %s and sends nothing', async (_name, id, message) => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: get({ prospectId: locator('={{ $json.id }}') }),
			input: [{ id }],
		});
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});
});
