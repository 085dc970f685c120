import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { BLACKLIST, blacklist, DERIVED_KEY, PATH, recordKeys } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Add Entries', () => {
	const mapped = blacklist('addEntries', { blacklistId: locator(BLACKLIST) });
	const ENTRIES = `${PATH}/entries`;
	// n8n evaluates each expression per item (~0.1 ms each): big inputs keep just one mapped field.
	const ONLY_WEBSITE_MAPPED = { companyName: '', externalId: '', city: '' };

	it('sends the mapped fields of all items in one request, paired to every item', async () => {
		const keys: string[] = [];
		const scope = recordKeys(
			nock(BASE_URL).post(ENTRIES, {
				entries: [
					{
						company_name: 'Acme',
						website_url: 'https://acme.com',
						external_id: 'x1',
						city: 'Berlin',
					},
					{ website_url: 'https://beta.io' },
					{ company_name: 'Gamma', external_id: '42' },
				],
			}),
			keys,
			201,
			{ added: 3, skipped_duplicates: 0 },
		);
		const { items, error } = await runNode({
			parameters: mapped,
			input: [
				{
					company_name: ' Acme ',
					website_url: 'https://acme.com',
					external_id: 'x1',
					city: 'Berlin',
				},
				{ website_url: 'https://beta.io', city: '' },
				{ company_name: 'Gamma', external_id: 42 },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					added: 3,
					skipped_duplicates: 0,
					blacklist_id: BLACKLIST,
					batch: 1,
					entries_sent: 3,
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
		expect(keys[0]).toMatch(DERIVED_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('splits 25,000 entries into 10,000 + 10,000 + 5,000, each with its own key and pairing', async () => {
		const input = Array.from({ length: 25_000 }, (_, index) => ({
			website_url: `https://company-${index}.example`,
		}));
		const sizes: number[] = [];
		const firsts: unknown[] = [];
		const keys: string[] = [];
		const scope = nock(BASE_URL)
			.post(ENTRIES, (body: { entries: IDataObject[] }) => {
				sizes.push(body.entries.length);
				firsts.push(body.entries[0].website_url);
				return true;
			})
			.times(3)
			.reply(function () {
				keys.push(String(this.req.headers['idempotency-key']));
				return [201, { added: sizes[sizes.length - 1] }];
			});
		const { items, error } = await runNode({
			parameters: blacklist('addEntries', {
				blacklistId: locator(BLACKLIST),
				...ONLY_WEBSITE_MAPPED,
				options: { idempotencyKey: 'import-7' },
			}),
			input,
		});
		expect(error).toBeUndefined();
		expect(sizes).toEqual([10_000, 10_000, 5_000]);
		expect(firsts).toEqual([
			'https://company-0.example',
			'https://company-10000.example',
			'https://company-20000.example',
		]);
		expect(keys).toEqual(['import-7-1', 'import-7-2', 'import-7-3']);
		expect(items.map((item) => item.json)).toEqual([
			{ added: 10_000, blacklist_id: BLACKLIST, batch: 1, entries_sent: 10_000 },
			{ added: 10_000, blacklist_id: BLACKLIST, batch: 2, entries_sent: 10_000 },
			{ added: 5_000, blacklist_id: BLACKLIST, batch: 3, entries_sent: 5_000 },
		]);
		const paired = items.map((item) => item.pairedItem as Array<{ item: number }>);
		expect(paired.map((pairs) => pairs.length)).toEqual([10_000, 10_000, 5_000]);
		expect(paired[1][0]).toEqual({ item: 10_000 });
		expect(paired[2][4_999]).toEqual({ item: 24_999 });
		expect(scope.isDone()).toBe(true);
	}, 120_000);

	it('groups entries per blacklist when the blacklist ID differs per item', async () => {
		const scope = nock(BASE_URL)
			.post('/api/v1/blacklists/bl-a/entries', {
				entries: [{ company_name: 'One' }, { company_name: 'Three' }],
			})
			.reply(201, { added: 2 })
			.post('/api/v1/blacklists/bl-b/entries', { entries: [{ company_name: 'Two' }] })
			.reply(201, { added: 1 });
		const { items, error } = await runNode({
			parameters: blacklist('addEntries', { blacklistId: locator('={{ $json.list }}') }),
			input: [
				{ list: 'bl-a', company_name: 'One' },
				{ list: 'bl-b', company_name: 'Two' },
				{ list: 'bl-a', company_name: 'Three' },
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { added: 2, blacklist_id: 'bl-a', batch: 1, entries_sent: 2 },
				pairedItem: [{ item: 0 }, { item: 2 }],
			},
			{
				json: { added: 1, blacklist_id: 'bl-b', batch: 2, entries_sent: 1 },
				pairedItem: [{ item: 1 }],
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('reads entries from a CSV file of each item (Source: CSV File)', async () => {
		const csv = (text: string) => ({
			data: {
				data: Buffer.from(text, 'utf8').toString('base64'),
				mimeType: 'text/csv',
				fileName: 'list.csv',
			},
		});
		const scope = nock(BASE_URL)
			.post(ENTRIES, {
				entries: [
					{ company_name: 'Acme, Inc.', website_url: 'https://acme.com', city: 'Berlin' },
					{ website_url: 'https://beta.io' },
					{ company_name: 'Gamma', external_id: 'g-1' },
				],
			})
			.reply(201, { added: 3 });
		const { items, error } = await runNode({
			parameters: blacklist('addEntries', {
				blacklistId: locator(BLACKLIST),
				source: 'csvFile',
				binaryPropertyName: 'data',
			}),
			input: [{}, {}],
			inputBinary: [
				csv(
					'\uFEFFCompany Name,Website URL,City,Notes\r\n"Acme, Inc.",https://acme.com,Berlin,x\r\n,https://beta.io,,\r\n',
				),
				csv('company_name,external_id\nGamma,g-1\n'),
			],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { added: 3, blacklist_id: BLACKLIST, batch: 1, entries_sent: 3 },
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an item with neither company name nor website, naming it, before sending anything', async () => {
		const scope = nock(BASE_URL).post(ENTRIES).reply(201, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: mapped,
			input: [{ company_name: 'Fine' }, { city: 'Berlin', external_id: 'e-1' }],
		});
		expect(error?.message).toBe(
			'Company Name / Website URL: both are empty; every entry needs a company name or a website URL [item 1]',
		);
		expectNothingSent({ scope, pending });
	});

	it('refuses a CSV row with neither company name nor website before sending anything', async () => {
		const scope = nock(BASE_URL).post(ENTRIES).reply(201, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('addEntries', { blacklistId: locator(BLACKLIST), source: 'csvFile' }),
			inputBinary: [
				{
					data: {
						data: Buffer.from('website_url,city\nhttps://a.io,\n,Berlin\n').toString('base64'),
						mimeType: 'text/csv',
					},
				},
			],
		});
		expect(error?.message).toBe(
			'Input Binary Field: data row 2 of the CSV file has neither company_name nor website_url [item 0]',
		);
		expectNothingSent({ scope, pending });
	});

	it('refuses an empty blacklist ID before sending anything', async () => {
		const scope = nock(BASE_URL).post(/.*/).reply(201, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('addEntries', { blacklistId: locator('={{ $json.list }}') }),
			input: [{ list: 'bl-a', company_name: 'A' }, { company_name: 'B' }],
		});
		expect(error?.message).toBe('Blacklist: is empty [item 1]');
		expectNothingSent({ scope, pending });
	});

	it('says which batches were already added when a later one fails; Continue On Fail pairs errors', async () => {
		const input = Array.from({ length: 10_001 }, (_, index) => ({ website_url: `w${index}.io` }));
		const scope = nock(BASE_URL)
			.post(ENTRIES)
			.reply(201, { added: 10_000 })
			.post(ENTRIES)
			.reply(404, { code: 'BLACKLIST_NOT_FOUND', message: 'Blacklist bl-1 not found' });
		const { error } = await runNode({ parameters: { ...mapped, ...ONLY_WEBSITE_MAPPED }, input });
		expect(error?.message).toBe('Blacklist bl-1 not found');
		expect(error?.description).toMatch(
			/^Batch 2 failed; batch 1 \(10000 entries\) had already been added\./,
		);
		expect(scope.isDone()).toBe(true);

		nock(BASE_URL).post(ENTRIES).reply(404, { code: 'BLACKLIST_NOT_FOUND', message: 'Gone' });
		const failed = await runNode({
			parameters: mapped,
			input: [{ company_name: 'A' }, { company_name: 'B' }],
			continueOnFail: true,
		});
		expect(failed.error).toBeUndefined();
		expect(failed.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Gone', { item: 0 }],
			['Gone', { item: 1 }],
		]);
	}, 60_000);

	it('with Continue On Fail, reports an invalid item and a failed request alone and keeps what was added', async () => {
		// Two blacklists make two requests; the second one fails, and item 2 has no name or website.
		const input = [
			{ list: 'bl-a', website_url: 'a.io' },
			{ list: 'bl-a', website_url: 'b.io' },
			{ list: 'bl-a', website_url: '' },
			{ list: 'bl-b', website_url: 'c.io' },
		];
		const scope = nock(BASE_URL)
			.post('/api/v1/blacklists/bl-a/entries', {
				entries: [{ website_url: 'a.io' }, { website_url: 'b.io' }],
			})
			.reply(201, { added: 2 })
			.post('/api/v1/blacklists/bl-b/entries', { entries: [{ website_url: 'c.io' }] })
			.reply(404, { code: 'BLACKLIST_NOT_FOUND', message: 'Blacklist bl-b not found' });
		const { items, error } = await runNode({
			parameters: { ...mapped, ...ONLY_WEBSITE_MAPPED, blacklistId: locator('={{ $json.list }}') },
			input,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toMatchObject({ added: 2, blacklist_id: 'bl-a', entries_sent: 2 });
		expect(items[1].json.error).toMatch(/\[item 2\]/);
		expect(items[2].json.error).toBe('Blacklist bl-b not found');
	}, 60_000);
});
