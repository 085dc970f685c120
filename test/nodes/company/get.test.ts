import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { CO, company, PS, simplified, single } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const CO2 = '8f3e8c90-1234-5678-9abc-def012345679';

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
