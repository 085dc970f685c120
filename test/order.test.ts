import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { api, expectNothingSent, locator, trap } from './helpers/api';
import { START, useFakeClock } from './helpers/clock';
import { runNode } from './helpers/engine';
import { realSleep as reallySleep, sleepMock } from './helpers/sleepMock';

// n8n's sleep is the only timer the node uses: here it advances the (fake) clock instead of waiting.
const realSleep = { sleep: reallySleep };
const elapsedMs = () => Date.now() - START;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

const ORDER_ID = 'ord-1';
const ORDER_PATH = `/api/v1/orders/${ORDER_ID}`;
const RESULTS_PATH = `${ORDER_PATH}/results`;
const DERIVED_KEY = /^n8n-[0-9a-f]{40}$/;
const HINT = 'use the OpenProspect Trigger (Order Finished) for long jobs';

const order = (status: string, extra: IDataObject = {}) => ({
	id: ORDER_ID,
	status,
	order_type: 'DISCOVERY',
	profile_id: 'prof-1',
	briefing_quantity: 5,
	status_message: null,
	unknown_field: { kept: true },
	...extra,
});
const result = (index: number, sourceId: string | null = null): IDataObject => ({
	id: `res-${index}`,
	order_id: ORDER_ID,
	source_id: sourceId,
	name: `Company ${index}`,
	website: `https://c${index}.example`,
	city: 'Berlin',
	country: 'Germany',
	match_score: 8.5,
	contacts: [{ name: 'Ann', role: 'CEO' }],
	technologies: ['React'],
});

/** Answers GET ORDER_PATH with each of `statuses` in turn. */
function statusSequence(scope: nock.Scope, ...replies: Array<[number, IDataObject]>) {
	for (const [status, body] of replies) scope.get(ORDER_PATH).reply(status, body);
	return scope;
}

function create(parameters: INodeParameters): INodeParameters {
	return { resource: 'order', operation: 'create', ...parameters };
}

const discovery = (extra: INodeParameters = {}) =>
	create({ orderType: 'discovery', profileId: 'prof-1', briefingQuantity: 5, ...extra });

const waiting = (extra: INodeParameters = {}) => ({
	waitForCompletion: true,
	maxWait: 300,
	pollInterval: 10,
	...extra,
});

function csvBinary(text: string): INodeExecutionData['binary'] {
	return {
		data: {
			data: Buffer.from(text, 'utf8').toString('base64'),
			mimeType: 'text/csv',
			fileName: 'companies.csv',
		},
	};
}

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

describe('Order > Create: Wait for Completion', () => {
	it('polls GET /orders/{id} every Poll Interval until COMPLETED and outputs the order', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(
			scope,
			[200, order('ACCEPTED')],
			[200, order('IN_PROGRESS')],
			[200, order('COMPLETED')],
		);
		const { items, error } = await runNode({ parameters: discovery(waiting()) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: order('COMPLETED'), pairedItem: { item: 0 } }]);
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST /api/v1/orders',
			`GET ${ORDER_PATH}`,
			`GET ${ORDER_PATH}`,
			`GET ${ORDER_PATH}`,
		]);
		expect(elapsedMs()).toBe(10_000 + 10_000 + 10_000);
		expect(scope.isDone()).toBe(true);
	});

	it('Output = Results: fetches every page of results, one item per company', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('COMPLETED')]);
		const all = Array.from({ length: 130 }, (_, i) => result(i));
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: all.slice(0, 100), total: 130, has_more: true })
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: all.slice(100), total: 130, has_more: false });
		const { items, error } = await runNode({
			parameters: discovery(waiting({ output: 'results' })),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: all[129], pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('REJECTED: a NodeApiError with the status and the reason; nothing else is fetched', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [
			200,
			order('REJECTED', { status_message: 'Briefing quantity exceeds the monthly allowance' }),
		]);
		const { items, error } = await runNode({
			parameters: discovery(waiting({ output: 'results' })),
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Order ord-1 ended REJECTED: Briefing quantity exceeds the monthly allowance',
		);
		expect(error?.description).toContain('did not approve the order');
		expect(error?.description).toContain('Reason: Briefing quantity exceeds the monthly allowance');
		expect(error?.httpCode ?? null).toBeNull();
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['rejection_reason', 'REJECTED'],
		['reason', 'FAILED'],
		['message', 'CANCELLED'],
	])(
		'reads the reason from %s (%s) and becomes an error item under Continue On Fail',
		async (field, status) => {
			const { scope } = api();
			scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
			statusSequence(scope, [200, order(status, { [field]: 'Because.' })]);
			const { items, error } = await runNode({
				parameters: discovery(waiting()),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toBe(`Order ord-1 ended ${status}: Because.`);
			expect(items[0].error?.description).toContain(`Status: ${status}`);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(scope.isDone()).toBe(true);
		},
	);

	it('Input Items under Continue On Fail: a REJECTED order gives an error item for every input', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('REJECTED')]);
		const { items, error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems', ...waiting() }),
			input: [{ company_name: 'A' }, { company_name: 'B' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Order ord-1 ended REJECTED', { item: 0 }],
			['Order ord-1 ended REJECTED', { item: 1 }],
		]);
		expect(items[0].error?.description).toContain('OpenProspect gave no reason.');
		expect(scope.isDone()).toBe(true);
	});

	it('timeout with Return Last Status: an item with order_id, status, timed_out and the hint', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(6).reply(200, order('ACCEPTED'));
		const { items, error } = await runNode({
			parameters: discovery(waiting({ maxWait: 60, onTimeout: 'returnLastStatus' })),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { order_id: ORDER_ID, status: 'ACCEPTED', timed_out: true, hint: HINT },
				pairedItem: { item: 0 },
			},
		]);
		// A poll every 10 s; the last one at the 60 s deadline.
		expect(elapsedMs()).toBe(60_000);
		expect(scope.isDone()).toBe(true);
	});

	it('timeout with Error: fails, saying the order exists and goes on', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(6).reply(200, order('IN_PROGRESS'));
		const { error } = await runNode({
			parameters: discovery(waiting({ maxWait: 60, onTimeout: 'error' })),
		});
		expect(error?.message).toBe(
			'Order ord-1 did not finish within 60 s (last status: IN_PROGRESS)',
		);
		expect(error?.description).toBe(
			`Order ord-1 was created and goes on (last status: IN_PROGRESS); ${HINT}.`,
		);
		expect(scope.isDone()).toBe(true);
	});

	it('tolerates a 404 right after creation (grace period), then succeeds', async () => {
		const notFound = { code: 'ORDER_NOT_FOUND', message: 'Order not found' };
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [404, notFound], [200, order('COMPLETED')]);
		const { items, error } = await runNode({ parameters: discovery(waiting({ pollInterval: 5 })) });
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('COMPLETED');
		expect(scope.isDone()).toBe(true);
	});

	it('a 404 after the grace period is an error', async () => {
		const notFound = { code: 'ORDER_NOT_FOUND', message: 'Order not found' };
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('ACCEPTED')], [404, notFound]);
		const { error } = await runNode({ parameters: discovery(waiting()) });
		expect(error?.message).toBe('Order not found');
		expect(error?.httpCode).toBe('404');
		expect(scope.isDone()).toBe(true);
	});

	it('stops promptly when the execution is cancelled', async () => {
		const controller = new AbortController();
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(50).reply(200, order('ACCEPTED'));
		let sleptAfterAbort = 0;
		sleepMock.mockImplementation(async (ms: number) => {
			if (controller.signal.aborted) sleptAfterAbort++;
			vi.setSystemTime(Date.now() + ms);
			if (elapsedMs() >= 30_000) controller.abort(); // the user stops the execution
		});
		const { run } = await runNode({
			parameters: discovery(waiting({ maxWait: 3600 })),
			abortSignal: controller.signal,
		});
		await realSleep.sleep(50); // give a wait that ignored the abort time to poll again
		expect(run.status).toBe('canceled');
		const polls = seen.filter((request) => request.method === 'GET').length;
		expect(polls).toBe(2); // at 10 s and at 20 s; the pause that reached 30 s was the last
		expect(sleptAfterAbort).toBe(0);
		expect(scope.isDone()).toBe(false);
	});

	it('re-pairs shuffled results to their input items and merges the chosen input fields', async () => {
		const inputs = [
			{ company_name: 'Acme', crm_id: 'CRM-1', owner: 'ann' },
			{ company_name: 'Beta', crm_id: 'CRM-2', owner: 'bob' },
			{ company_name: 'Gamma', crm_id: 'CRM-3', owner: 'cid' },
		];
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('COMPLETED')]);
		const results = [result(3, 'CRM-3'), result(1, 'CRM-1'), result(9, null), result(2, 'CRM-2')];
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: results, total: 4, has_more: false });
		const { items, error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'inputItems',
				externalId: '={{ $json.crm_id }}',
				...waiting({ output: 'results' }),
				options: { mergeInputFields: 'owner, crm_id' },
			}),
			input: inputs,
		});
		expect(error).toBeUndefined();
		expect((seen[0].body as IDataObject).companies).toEqual([
			{ company_name: 'Acme', external_id: 'CRM-1' },
			{ company_name: 'Beta', external_id: 'CRM-2' },
			{ company_name: 'Gamma', external_id: 'CRM-3' },
		]);
		expect(items).toEqual([
			{
				json: { ...results[0], input: { owner: 'cid', crm_id: 'CRM-3' } },
				pairedItem: { item: 2 },
			},
			{
				json: { ...results[1], input: { owner: 'ann', crm_id: 'CRM-1' } },
				pairedItem: { item: 0 },
			},
			{ json: results[2], pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] },
			{
				json: { ...results[3], input: { owner: 'bob', crm_id: 'CRM-2' } },
				pairedItem: { item: 1 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a Max Wait below one second before sending anything', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: discovery(waiting({ maxWait: 0 })) });
		expect(error?.message).toBe(
			'Max Wait (Seconds): must be a number of seconds from 1 to 86400, got 0 [item 0]',
		);
		expectNothingSent(trapped);
	});
});

describe('Order > Create: idempotency', () => {
	it("n8n's Retry On Fail resends the POST with the SAME key", async () => {
		const { scope, seen } = api();
		// The transport does not resend an order POST after a 5xx (the API does not promise to
		// deduplicate it); the failure fails the node, and n8n runs it again as the user asked.
		scope.post('/api/v1/orders').reply(500, { code: 'INTERNAL', message: 'Boom' });
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		const { items, error } = await runNode({
			parameters: discovery(),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 1, // n8n reads 0 as its 1 s default
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: order('RECEIVED'), pairedItem: { item: 0 } }]);
		expect(seen).toHaveLength(2);
		expect(new Set(seen.map((request) => request.key)).size).toBe(1);
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('Retry On Fail after a failure while waiting: the order POST is replayed with the same key', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [
			403,
			{ code: 'AUTHORIZATION_ERROR', message: 'Missing required scopes: orders:read' },
		]);
		scope.post('/api/v1/orders').reply(200, order('RECEIVED'), { 'Idempotent-Replayed': 'true' });
		statusSequence(scope, [200, order('COMPLETED')]);
		const { items, error } = await runNode({
			parameters: discovery(waiting()),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 1, // n8n reads 0 as its 1 s default
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('COMPLETED');
		const posts = seen.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[0].key).toBe(posts[1].key);
		expect(scope.isDone()).toBe(true);
	});

	it('the transport does not resend the order POST after a 503: the outcome is unknown', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(503, 'Service Unavailable');
		const { error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems' }),
			input: [{ company_name: 'Acme' }],
		});
		expect(error?.message).toMatch(/outcome of POST \/api\/v1\/orders is unknown/);
		expect(seen.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('explains a 409 for a key reused with a different body', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(409, {
			code: 'IDEMPOTENCY_KEY_REUSED',
			message: 'This Idempotency-Key was already used with a different request body',
		});
		const { error } = await runNode({
			parameters: discovery({ options: { idempotencyKey: 'order-1' } }),
		});
		expect(error?.message).toBe(
			'This Idempotency-Key was already used with a different request body',
		);
		expect(error?.httpCode).toBe('409');
		expect(error?.description).toContain(
			'Use a new key for a different request (or leave the key empty to let the node derive one).',
		);
		expect(error?.description).toContain('Code: IDEMPOTENCY_KEY_REUSED');
		expect(scope.isDone()).toBe(true);
	});
});

describe('Order > Get, Get Many', () => {
	it('Get: GET /api/v1/orders/{id}, passed through unchanged with Simplify off', async () => {
		const { scope, seen } = api();
		scope.get(ORDER_PATH).reply(200, order('IN_PROGRESS'));
		const { items, error } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'get',
				orderId: locator(ORDER_ID),
				simplify: false,
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET ${ORDER_PATH}`]);
		expect(items).toEqual([{ json: order('IN_PROGRESS'), pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('Get and Get Results refuse an empty order ID before sending anything', async () => {
		const trapped = trap();
		for (const operation of ['get', 'getResults']) {
			const { error } = await runNode({
				parameters: { resource: 'order', operation, orderId: locator(' ') },
			});
			expect(error?.message).toBe('Order: is empty [item 0]');
		}
		expectNothingSent(trapped);
	});

	it('Get Many: the `orders` list with a Limit and additional query parameters', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/orders')
			.query({ limit: '2', offset: '0', status: 'COMPLETED' })
			.reply(200, {
				orders: [order('COMPLETED'), order('COMPLETED', { id: 'ord-2' })],
				total: 9,
				has_more: true,
			});
		const { items, error } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'getAll',
				limit: 2,
				options: { queryParameters: { parameter: [{ name: 'status', value: 'COMPLETED' }] } },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['ord-1', 'ord-2']);
		expect(scope.isDone()).toBe(true);
	});

	it('Get Many: Return All reads every page', async () => {
		const { scope } = api();
		const orders = Array.from({ length: 120 }, (_, i) => order('RECEIVED', { id: `ord-${i}` }));
		scope
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '0' })
			.reply(200, { orders: orders.slice(0, 100), total: 120 })
			.get('/api/v1/orders')
			.query({ limit: '100', offset: '100' })
			.reply(200, { orders: orders.slice(100), total: 120 });
		const { items, error } = await runNode({
			parameters: { resource: 'order', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(scope.isDone()).toBe(true);
	});
});

describe('Order > Get Results', () => {
	const getResults = (extra: INodeParameters = {}) => ({
		resource: 'order',
		operation: 'getResults',
		orderId: locator(ORDER_ID),
		...extra,
	});

	it('simplified, with a Limit', async () => {
		const { scope } = api();
		scope
			.get(RESULTS_PATH)
			.query({ limit: '2', offset: '0' })
			.reply(200, { items: [result(1, 'CRM-1'), result(2)], total: 5, has_more: true });
		const { items, error } = await runNode({ parameters: getResults({ limit: 2 }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 'res-1',
					name: 'Company 1',
					website: 'https://c1.example',
					city: 'Berlin',
					country: 'Germany',
					match_score: 8.5,
					source_id: 'CRM-1',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: 'res-2',
					name: 'Company 2',
					website: 'https://c2.example',
					city: 'Berlin',
					country: 'Germany',
					match_score: 8.5,
					source_id: null,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('raw, all in one item', async () => {
		const { scope } = api();
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: [result(1), result(2)], total: 2, has_more: false });
		const { items, error } = await runNode({
			parameters: getResults({ returnAll: true, simplify: false, output: 'oneItem' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { order_id: ORDER_ID, count: 2, results: [result(1), result(2)] },
				pairedItem: { item: 0 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('an order that is not COMPLETED: the 409 says how to wait for it', async () => {
		const { scope } = api();
		scope.get(RESULTS_PATH).query(true).reply(409, {
			code: 'ORDER_NOT_COMPLETED',
			message: 'Order ord-1 is IN_PROGRESS; results are available once it is COMPLETED',
		});
		const { error } = await runNode({ parameters: getResults() });
		expect(error?.message).toBe(
			'Order ord-1 is IN_PROGRESS; results are available once it is COMPLETED',
		);
		expect(error?.httpCode).toBe('409');
		expect(error?.description).toContain(
			'Results are available once the order is COMPLETED. Use "Wait for Completion" on Order > Create, or the OpenProspect Trigger (Order Finished).',
		);
		expect(scope.isDone()).toBe(true);
	});

	it('CSV round trip: Get Results as a CSV file, then Create Order from it orders the same companies', async () => {
		const results = [
			result(1, 'CRM-1'),
			{ ...result(2, 'CRM-2'), name: 'Quote "Co", Ltd', city: ' Wien' },
			result(3),
		];
		const { scope, seen } = api();
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: results, total: 3, has_more: false });
		const out = await runNode({
			parameters: getResults({ returnAll: true, csvBinary: true, binaryPropertyName: 'file' }),
		});
		expect(out.error).toBeUndefined();
		expect(out.items).toHaveLength(1);
		expect(out.items[0].json).toEqual({
			order_id: ORDER_ID,
			rows: 3,
			file_name: 'openprospect-order-ord-1.csv',
		});
		const file = out.items[0].binary?.file;
		expect(file?.mimeType).toBe('text/csv');
		expect(
			Buffer.from(file?.data ?? '', 'base64')
				.toString('utf8')
				.split('\r\n')[0],
		).toBe('name,website,city,country,match_score,source_id,id');

		scope.post('/api/v1/orders').reply(201, order('RECEIVED', { order_type: 'ENRICHMENT' }));
		const back = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'csvFile',
				binaryPropertyName: 'file',
			}),
			inputBinary: [{ file: file! }],
		});
		expect(back.error).toBeUndefined();
		expect(seen[1].body).toEqual({
			companies: results.map((company) => ({
				company_name: company.name,
				website_url: company.website,
				...(company.source_id ? { external_id: company.source_id } : {}),
				city: String(company.city).trim(),
				country: company.country,
			})),
		});
		expect(scope.isDone()).toBe(true);
	});
});
