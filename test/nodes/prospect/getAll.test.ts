import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { CO, prospect, simplified } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const PS = '550e8400-e29b-41d4-a716-446655440000';

const prospects = (from: number, count: number) =>
	Array.from({ length: count }, (_, offset) => prospect(from + offset));

function getAll(parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'prospect', operation: 'getAll', ...parameters };
}

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
