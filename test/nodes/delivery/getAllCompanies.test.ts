import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const PS = '550e8400-e29b-41d4-a716-446655440000';

const PS2 = '660e8400-e29b-41d4-a716-446655440001';

const PATH = `/api/v1/deliveries/${PS}/companies`;

const prospect = (company: number, index: number) => ({
	id: `ps_${company}_${index}`,
	name: `Person ${company}.${index}`,
	title: 'CEO',
	email: `p${company}${index}@example.com`,
	notes: { long: 'text' },
});

const company = (index: number, prospectCount = 2) => ({
	id: `c-${index}`,
	name: `Company ${index}`,
	city: 'Vienna',
	website: `https://c${index}.example`,
	delivered_at: '2025-02-01T10:00:00Z',
	prospects: Array.from({ length: prospectCount }, (_, p) => prospect(index, p)),
});

const companies = (from: number, count: number) =>
	Array.from({ length: count }, (_, offset) => company(from + offset, 1));

function deliveries(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'delivery',
		operation: 'getAllCompanies',
		prospectSearchId: locator(PS),
		...parameters,
	};
}

describe('Delivery > Get Many Companies', () => {
	it('sends delivered_since as ISO 8601 UTC and returns one raw item per company', async () => {
		const { scope, seen } = api();
		scope
			.get(PATH)
			.query({ delivered_since: '2025-01-31T07:00:00.000Z', limit: '50', offset: '0' })
			.reply(200, {
				items: [company(0), company(1)],
				total: 2,
				limit: 50,
				offset: 0,
				has_more: false,
			});
		const { items, error } = await runNode({
			parameters: deliveries({ deliveredSince: '2025-01-31T08:00:00+01:00', simplify: false }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: company(0), pairedItem: { item: 0 } },
			{ json: company(1), pairedItem: { item: 0 } },
		]);
		expect(seen).toEqual([
			{
				method: 'GET',
				path: `${PATH}?delivered_since=2025-01-31T07%3A00%3A00.000Z&limit=50&offset=0`,
				body: '',
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('reads a time without zone in the workflow time zone, and omits delivered_since when empty', async () => {
		const { scope } = api();
		scope
			.get(PATH)
			.query({ delivered_since: '2025-01-31T13:00:00.000Z', limit: '50', offset: '0' })
			.reply(200, { items: [], has_more: false })
			.get(PATH)
			.query({ limit: '50', offset: '0' })
			.reply(200, { items: [company(3)], has_more: false });
		const { items, error } = await runNode({
			// The test workflow sets no time zone, so n8n's default (America/New_York, UTC-5) applies.
			parameters: deliveries({ deliveredSince: '={{ $json.since }}' }),
			input: [{ since: '2025-01-31T08:00:00' }, { since: '' }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { id: 'c-3', name: 'Company 3', website: 'https://c3.example', city: 'Vienna' },
				pairedItem: { item: 1 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('One Item per Prospect flattens the embedded prospects, each tagged with its company', async () => {
		const { scope } = api();
		scope
			.get(PATH)
			.query({ limit: '50', offset: '0' })
			.reply(200, { items: [company(0, 2), company(1, 0), company(2, 1)], has_more: false });
		const { items, error } = await runNode({
			parameters: deliveries({ output: 'prospect', simplify: false }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual(
			[
				{ ...prospect(0, 0), company_id: 'c-0', company_name: 'Company 0' },
				{ ...prospect(0, 1), company_id: 'c-0', company_name: 'Company 0' },
				{ ...prospect(2, 0), company_id: 'c-2', company_name: 'Company 2' },
			].map((json) => ({ json, pairedItem: { item: 0 } })),
		);
		expect(scope.isDone()).toBe(true);
	});

	it('One Item per Prospect with Simplify keeps flat prospect fields plus the company', async () => {
		const { scope } = api();
		scope
			.get(PATH)
			.query(true)
			.reply(200, { items: [company(4, 1)], has_more: false });
		const { items } = await runNode({ parameters: deliveries({ output: 'prospect' }) });
		expect(items).toEqual([
			{
				json: {
					id: 'ps_4_0',
					name: 'Person 4.0',
					title: 'CEO',
					email: 'p40@example.com',
					company_id: 'c-4',
					company_name: 'Company 4',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('Output as CSV File returns one item holding the file, paired to its input', async () => {
		const { scope } = api();
		scope
			.get(PATH)
			.query({ delivered_since: '2025-02-01T00:00:00.000Z', limit: '50', offset: '0' })
			.reply(200, { items: [company(0, 2), company(1, 1)], has_more: false })
			.get(`/api/v1/deliveries/${PS2}/companies`)
			.query({ delivered_since: '2025-02-01T00:00:00.000Z', limit: '50', offset: '0' })
			.reply(200, { items: [], has_more: false });
		const { items, error } = await runNode({
			parameters: deliveries({
				prospectSearchId: locator('={{ $json.search }}'),
				deliveredSince: '2025-02-01T00:00:00Z',
				output: 'prospect',
				csvBinary: true,
				binaryPropertyName: 'file',
			}),
			input: [{ search: PS }, { search: PS2 }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			prospect_search_id: PS,
			rows: 3,
			file_name: `openprospect-delivery-${PS}.csv`,
			delivered_since: '2025-02-01T00:00:00.000Z',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const file = items[0].binary?.file;
		expect(file).toMatchObject({
			mimeType: 'text/csv',
			fileName: `openprospect-delivery-${PS}.csv`,
		});
		expect(Buffer.from(file?.data ?? '', 'base64').toString('utf8')).toBe(
			[
				'id,name,title,email,company_id,company_name',
				'ps_0_0,Person 0.0,CEO,p00@example.com,c-0,Company 0',
				'ps_0_1,Person 0.1,CEO,p01@example.com,c-0,Company 0',
				'ps_1_0,Person 1.0,CEO,p10@example.com,c-1,Company 1',
				'',
			].join('\r\n'),
		);
		expect(items[1]).toMatchObject({ json: { rows: 0 }, pairedItem: { item: 1 } });
		expect(items[1].binary?.file).toBeDefined();
		expect(scope.isDone()).toBe(true);
	});

	it('Return All reads 250 companies in 3 pages of 100', async () => {
		const { scope, seen } = api();
		for (const [offset, count, more] of [
			[0, 100, true],
			[100, 100, true],
			[200, 50, false],
		] as const) {
			scope
				.get(PATH)
				.query({ limit: '100', offset: String(offset) })
				.reply(200, { items: companies(offset, count), total: 250, has_more: more });
		}
		const { items, error } = await runNode({ parameters: deliveries({ returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(companies(0, 250).map(({ id }) => id));
		expect(seen).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('Limit 150 sends limit=100 then limit=50, and counts companies', async () => {
		const { scope, seen } = api();
		scope
			.get(PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: companies(0, 100), has_more: true })
			.get(PATH)
			.query({ limit: '50', offset: '100' })
			.reply(200, { items: companies(100, 50), has_more: true });
		const { items, error } = await runNode({ parameters: deliveries({ limit: 150 }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(150);
		expect(seen).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a failing item becomes an error item paired to it and the next succeeds', async () => {
		const { scope } = api();
		scope
			.get(PATH)
			.query(true)
			.reply(403, {
				code: 'AUTHORIZATION_ERROR',
				message: 'Missing required scopes: prospects:read',
				details: { required_scopes: ['prospects:read'], user_scopes: ['companies:read'] },
			})
			.get(`/api/v1/deliveries/${PS2}/companies`)
			.query(true)
			.reply(200, { items: [company(9)], has_more: false });
		const { items, error } = await runNode({
			parameters: deliveries({ prospectSearchId: locator('={{ $json.search }}') }),
			input: [{ search: PS }, { search: PS2 }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({
			json: { error: 'Missing required scopes: prospects:read' },
			pairedItem: { item: 0 },
		});
		expect(items[0].error).toMatchObject({ httpCode: '403' });
		expect(items[1]).toMatchObject({ json: { id: 'c-9' }, pairedItem: { item: 1 } });
		expect(scope.isDone()).toBe(true);
	});
});

describe('Delivery > Get Many Companies: validation sends nothing', () => {
	it.each([
		['an empty prospect search', { search: '' }, 'Prospect Search: is empty [item 0]'],
		[
			'a malformed prospect search UUID',
			{ search: 'search-1' },
			'Prospect Search: "search-1" is not a valid UUID [item 0]',
		],
		[
			'a Delivered Since that is not a date',
			{ search: PS, since: 'last tuesday' },
			'Delivered Since: "last tuesday" is not a date and time [item 0]',
		],
		[
			'Limit 0',
			{ search: PS, limit: 0 },
			'Limit: must be a whole number from 1 to 100000, got 0 [item 0]',
		],
	])('refuses %s', async (_name, input, message) => {
		const trapped = trap();
		const { items, error } = await runNode({
			parameters: deliveries({
				prospectSearchId: locator('={{ $json.search }}'),
				deliveredSince: '={{ $json.since ?? "" }}',
				limit: '={{ $json.limit ?? 50 }}',
			}),
			input: [input],
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});

	it('refuses a literal Delivered Since that does not parse', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: deliveries({ deliveredSince: '2025-13-45' }) });
		expect(error?.message).toBe('Delivered Since: "2025-13-45" is not a date and time [item 0]');
		expect(error?.description).toContain('ISO 8601');
		expectNothingSent(trapped);
	});
});
