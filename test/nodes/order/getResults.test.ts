import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, locator } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { create, order, ORDER_ID, result, RESULTS_PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

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
