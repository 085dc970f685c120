import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { create, csvBinary, DERIVED_KEY, discovery, order } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

describe('Order > Create: discovery', () => {
	it('POSTs profile_id and briefing_quantity, one order per item, each with its own derived key', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').times(2).reply(201, order('RECEIVED'));
		const { items, error } = await runNode({
			parameters: discovery({ briefingQuantity: '={{ $json.quantity }}' }),
			input: [{ quantity: 5 }, { quantity: '12' }],
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
			{
				method: 'POST',
				path: '/api/v1/orders',
				body: { profile_id: 'prof-1', briefing_quantity: 5 },
			},
			{
				method: 'POST',
				path: '/api/v1/orders',
				body: { profile_id: 'prof-1', briefing_quantity: 12 },
			},
		]);
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(seen[1].key).toMatch(DERIVED_KEY);
		expect(seen[0].key).not.toBe(seen[1].key);
		expect(items).toEqual([
			{ json: order('RECEIVED'), pairedItem: { item: 0 } },
			{ json: order('RECEIVED'), pairedItem: { item: 1 } },
		]);
		expect(sleepMock).not.toHaveBeenCalled();
		expect(scope.isDone()).toBe(true);
	});

	it('merges Additional Body Fields (the node fields win) and sends the user Idempotency Key', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		const { error } = await runNode({
			parameters: discovery({
				options: {
					additionalBodyFields:
						'{"title": "Q1 hotels", "features": ["COMPANY_DATA"], "briefing_quantity": 99}',
					idempotencyKey: ' my-order-1 ',
				},
			}),
		});
		expect(error).toBeUndefined();
		expect(seen).toEqual([
			{
				method: 'POST',
				path: '/api/v1/orders',
				body: {
					title: 'Q1 hotels',
					features: ['COMPANY_DATA'],
					briefing_quantity: 5,
					profile_id: 'prof-1',
				},
				key: 'my-order-1',
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		[0, 'Briefing Quantity: must be a whole number of 1 or more, got 0 [item 0]'],
		[1.5, 'Briefing Quantity: must be a whole number of 1 or more, got 1.5 [item 0]'],
		['abc', 'Briefing Quantity: must be a whole number of 1 or more, got "abc" [item 0]'],
	])('refuses briefing_quantity %j before sending anything', async (quantity, message) => {
		const trapped = trap();
		const { error } = await runNode({ parameters: discovery({ briefingQuantity: quantity }) });
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});

	it('refuses an empty Profile ID and Additional Body Fields that are not an object', async () => {
		const trapped = trap();
		const empty = await runNode({ parameters: discovery({ profileId: '  ' }) });
		expect(empty.error?.message).toBe('Profile ID: is empty [item 0]');
		expect(empty.error?.description).toContain('Search Profile > Create');
		const notObject = await runNode({
			parameters: discovery({ options: { additionalBodyFields: '[1, 2]' } }),
		});
		expect(notObject.error?.message).toBe('Additional Body Fields: must be a JSON object [item 0]');
		expectNothingSent(trapped);
	});
});

describe('Order > Create: enrichment', () => {
	const inputs = [
		{ company_name: 'Acme', website_url: 'https://acme.com', city: 'Berlin', country: 'Germany' },
		{ company_name: 'Beta', website_url: '' },
		{ website_url: 'https://gamma.io' },
	];

	it('Input Items: ONE order for all items; external_id is the item index; paired to every item', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED', { order_type: 'ENRICHMENT' }));
		const { items, error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems' }),
			input: inputs,
		});
		expect(error).toBeUndefined();
		expect(seen).toHaveLength(1);
		expect(seen[0].body).toEqual({
			companies: [
				{
					company_name: 'Acme',
					website_url: 'https://acme.com',
					city: 'Berlin',
					country: 'Germany',
					external_id: '0',
				},
				{ company_name: 'Beta', external_id: '1' },
				{ website_url: 'https://gamma.io', external_id: '2' },
			],
		});
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(items).toEqual([
			{
				json: order('RECEIVED', { order_type: 'ENRICHMENT' }),
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('Input Items: External ID from a chosen field (the index where it is empty) and a Profile ID', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		const { error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'inputItems',
				profileId: 'prof-2',
				externalId: '={{ $json.crm_id }}',
				companyName: '={{ $json.name }}',
			}),
			input: [
				{ name: 'Acme', crm_id: 'CRM-1' },
				{ name: 'Beta', crm_id: '' },
			],
		});
		expect(error).toBeUndefined();
		expect(seen[0].body).toEqual({
			profile_id: 'prof-2',
			companies: [
				{ company_name: 'Acme', external_id: 'CRM-1' },
				{ company_name: 'Beta', external_id: '1' },
			],
		});
		expect(scope.isDone()).toBe(true);
	});

	it('Input Items: refuses a repeated External ID (results could not be paired back) before sending', async () => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'inputItems',
				externalId: '={{ $json.crm_id }}',
				companyName: '={{ $json.name }}',
			}),
			input: [
				{ name: 'Acme', crm_id: 'CRM-1' },
				{ name: 'Beta', crm_id: 'CRM-2' },
				{ name: 'Acme again', crm_id: 'CRM-1' },
			],
		});
		expect(error?.message).toBe(
			'External ID: "CRM-1" is also the External ID of input item 0 [item 2]',
		);
		expectNothingSent(trapped);
	});

	it('JSON: one order per item, from text or from an array given by an expression (AI agent)', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').times(2).reply(201, order('RECEIVED'));
		const { items, error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'json',
				companiesJson: '={{ $json.companies }}',
			}),
			input: [
				{ companies: '[{"company_name": " Acme ", "external_id": "A-1", "employees": 5}]' },
				{ companies: [{ name: 'Beta', website: 'https://beta.io', city: 'Wien' }] },
			],
		});
		expect(error).toBeUndefined();
		expect(seen.map((request) => request.body)).toEqual([
			{ companies: [{ company_name: 'Acme', external_id: 'A-1' }] },
			{ companies: [{ company_name: 'Beta', website_url: 'https://beta.io', city: 'Wien' }] },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('CSV File: every row of the binary property, one order per item', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		const { error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'csvFile',
				binaryPropertyName: 'data',
			}),
			inputBinary: [
				csvBinary(
					'\uFEFFCompany Name,Website URL,External ID,City,Country,Notes\r\n"Acme, Inc.",https://acme.com,CRM-1,Berlin,Germany,x\r\n,https://beta.io,,,,\r\n',
				),
			],
		});
		expect(error).toBeUndefined();
		expect(seen[0].body).toEqual({
			companies: [
				{
					company_name: 'Acme, Inc.',
					website_url: 'https://acme.com',
					external_id: 'CRM-1',
					city: 'Berlin',
					country: 'Germany',
				},
				{ website_url: 'https://beta.io' },
			],
		});
		expect(scope.isDone()).toBe(true);
	});

	const json = (companiesJson: unknown) =>
		create({
			orderType: 'enrichment',
			companySource: 'json',
			companiesJson: companiesJson as string,
		});

	it.each([
		[
			'0 companies',
			json('[]'),
			'Companies (JSON): there are no companies; an enrichment order needs 1 to 10,000 [item 0]',
		],
		[
			'10,001 companies',
			json(JSON.stringify(Array.from({ length: 10_001 }, (_, i) => ({ company_name: `C${i}` })))),
			'Companies (JSON): there are 10,001 companies; an order takes at most 10,000 [item 0]',
		],
		[
			'a JSON company with neither name nor website',
			json('[{"company_name": "A"}, {"city": "Berlin", "external_id": "x"}]'),
			'Companies (JSON): company 2 has neither company_name nor website_url [item 0]',
		],
		[
			'JSON that is not an array',
			json('{"company_name": "A"}'),
			'Companies (JSON): must be a JSON array of companies [item 0]',
		],
		['JSON that does not parse', json('[{'), 'Companies (JSON): is not valid JSON'],
	])('refuses %s before sending anything', async (_name, parameters, message) => {
		const trapped = trap();
		const { error } = await runNode({ parameters });
		expect(error?.message).toContain(message);
		expectNothingSent(trapped);
	});

	it('refuses an input item with neither name nor website, naming the item', async () => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems' }),
			input: [{ company_name: 'Fine' }, { city: 'Berlin' }],
		});
		expect(error?.message).toBe(
			'Company Name / Website URL: both are empty for input item 1; every company needs a name or a website [item 1]',
		);
		expectNothingSent(trapped);
	});

	it('refuses 10,001 input items, and a CSV row without name or website', async () => {
		const trapped = trap();
		const many = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems' }),
			input: Array.from({ length: 10_001 }, (_, i) => ({ company_name: `C${i}` })),
		});
		expect(many.error?.message).toBe(
			'Input Items: there are 10,001 companies; an order takes at most 10,000 [item 0]',
		);
		const csv = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'csvFile' }),
			inputBinary: [csvBinary('website_url,city\nhttps://a.io,\n,Berlin\n')],
		});
		expect(csv.error?.message).toBe(
			'Input Binary Field: data row 2 of the CSV file has neither company_name nor website_url [item 0]',
		);
		const empty = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'csvFile' }),
			inputBinary: [csvBinary('company_name\n')],
		});
		expect(empty.error?.message).toBe(
			'Input Binary Field: there are no companies; an enrichment order needs 1 to 10,000 [item 0]',
		);
		expectNothingSent(trapped);
	});
});
