import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from './helpers/api';
import { BASE_URL, runNode } from './helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const BLACKLIST = 'bl-1';
const PATH = `/api/v1/blacklists/${BLACKLIST}`;
const DERIVED_KEY = /^n8n-[0-9a-f]{40}$/;

function blacklist(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'blacklist', operation, ...parameters };
}

/** The Idempotency-Key header of every request a scope answers, in order. */
function recordKeys(
	interceptor: nock.Interceptor,
	keys: string[],
	status: number,
	body: IDataObject,
) {
	return interceptor.reply(function () {
		keys.push(String(this.req.headers['idempotency-key']));
		return [status, body];
	});
}

describe('Blacklist > Create', () => {
	const parameters = blacklist('create', {
		name: ' Competitors ',
		description: 'Never deliver these',
		options: { additionalBodyFields: '{"color": "red", "name": "ignored"}' },
	});
	const body = { name: 'Competitors', description: 'Never deliver these', color: 'red' };
	const created = { id: 'bl-9', name: 'Competitors', description: 'Never deliver these', extra: 1 };

	it('POSTs name, description and the additional body fields with a derived Idempotency-Key', async () => {
		const keys: string[] = [];
		const scope = recordKeys(
			nock(BASE_URL).post('/api/v1/blacklists', body).times(3),
			keys,
			201,
			created,
		);
		const first = await runNode({ parameters, executionId: 'exec-1' });
		const again = await runNode({ parameters, executionId: 'exec-1' });
		const other = await runNode({ parameters, executionId: 'exec-2' });
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		expect(again.items).toEqual(first.items);
		expect(other.error).toBeUndefined();
		expect(keys[0]).toMatch(DERIVED_KEY);
		expect(keys[1]).toBe(keys[0]); // same execution, item and body
		expect(keys[2]).not.toBe(keys[0]); // another execution
		expect(scope.isDone()).toBe(true);
	});

	it('gives each item its own key, and sends the user key when one is set', async () => {
		const keys: string[] = [];
		const scope = recordKeys(
			nock(BASE_URL).post('/api/v1/blacklists', { name: 'Same' }).times(2),
			keys,
			201,
			{ id: 'x' },
		);
		const { items } = await runNode({
			parameters: blacklist('create', { name: 'Same' }),
			input: [{}, {}],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(keys[0]).not.toBe(keys[1]);
		expect(scope.isDone()).toBe(true);

		const own = nock(BASE_URL)
			.post('/api/v1/blacklists', { name: 'Mine' })
			.matchHeader('idempotency-key', 'my-key-1')
			.reply(201, { id: 'y' });
		const result = await runNode({
			parameters: blacklist('create', { name: 'Mine', options: { idempotencyKey: 'my-key-1' } }),
		});
		expect(result.error).toBeUndefined();
		expect(own.isDone()).toBe(true);
	});

	it('refuses an empty name without sending anything', async () => {
		const scope = nock(BASE_URL).post('/api/v1/blacklists').reply(201, {});
		const pending = nock.pendingMocks();
		const { error, items } = await runNode({ parameters: blacklist('create', { name: '  ' }) });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Name: is empty [item 0]');
		expect(error?.description).toBe('Every blacklist needs a name.');
		expectNothingSent({ scope, pending });
	});

	it('refuses Additional Body Fields that are not a JSON object', async () => {
		const scope = nock(BASE_URL).post('/api/v1/blacklists').reply(201, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('create', { name: 'A', options: { additionalBodyFields: '[1]' } }),
		});
		expect(error?.message).toBe('Additional Body Fields: must be a JSON object [item 0]');
		expectNothingSent({ scope, pending });
	});
});

describe('Blacklist > Get', () => {
	it('GETs each item’s blacklist and pairs the output to it', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists/bl-1')
			.reply(200, { id: 'bl-1', name: 'One', unknown_field: true })
			.get('/api/v1/blacklists/bl_2')
			.reply(200, { id: 'bl_2', name: 'Two' });
		const { items, error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator('={{ $json.id }}') }),
			input: [{ id: 'bl-1' }, { id: 'bl_2' }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 'bl-1', name: 'One', unknown_field: true }, pairedItem: { item: 0 } },
			{ json: { id: 'bl_2', name: 'Two' }, pairedItem: { item: 1 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a 404 becomes an error item paired to its input', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists/bl-1')
			.reply(200, { id: 'bl-1' })
			.get('/api/v1/blacklists/missing')
			.reply(404, { code: 'BLACKLIST_NOT_FOUND', message: 'Blacklist missing not found' });
		const { items, error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator('={{ $json.id }}') }),
			input: [{ id: 'bl-1' }, { id: 'missing' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({ json: { id: 'bl-1' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Blacklist missing not found' },
			pairedItem: { item: 1 },
		});
		expect(items[1].error).toMatchObject({ httpCode: '404' });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty blacklist ID without sending anything', async () => {
		const scope = nock(BASE_URL).get(/.*/).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator(' ') }),
		});
		expect(error?.message).toBe('Blacklist: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});

describe('Blacklist > Get Many', () => {
	it('Return All reads every page and passes the additional query parameters', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ id: `bl-${from + index}` }));
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists')
			.query({ limit: '100', offset: '0', owner: 'me' })
			.reply(200, { items: page(0, 100), total: 130, has_more: true })
			.get('/api/v1/blacklists')
			.query({ limit: '100', offset: '100', owner: 'me' })
			.reply(200, { items: page(100, 30), total: 130, has_more: false });
		const { items, error } = await runNode({
			parameters: blacklist('getAll', {
				returnAll: true,
				options: { queryParameters: { parameter: [{ name: 'owner', value: 'me' }] } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: { id: 'bl-129' }, pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('Limit asks for just that many', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists')
			.query({ limit: '3', offset: '0' })
			.reply(200, { items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], has_more: true });
		const { items } = await runNode({ parameters: blacklist('getAll', { limit: 3 }) });
		expect(items.map((item) => item.json.id)).toEqual(['a', 'b', 'c']);
		expect(scope.isDone()).toBe(true);
	});
});

describe('Blacklist > Update', () => {
	it('PATCHes only the fields given', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { name: 'Renamed', description: '' })
			.reply(200, { id: BLACKLIST, name: 'Renamed', description: null });
		const { items, error } = await runNode({
			parameters: blacklist('update', {
				blacklistId: locator(BLACKLIST),
				updateFields: { name: 'Renamed', description: '' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: BLACKLIST, name: 'Renamed', description: null });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an update with nothing to change without sending anything', async () => {
		const scope = nock(BASE_URL).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('update', { blacklistId: locator(BLACKLIST), updateFields: {} }),
		});
		expect(error?.message).toBe('Update Fields: nothing to update [item 0]');
		expect(error?.description).toBe('Add Name and/or Description under Update Fields.');
		expectNothingSent({ scope, pending });
	});

	it('refuses an empty new name without sending anything', async () => {
		const scope = nock(BASE_URL).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('update', {
				blacklistId: locator(BLACKLIST),
				updateFields: { name: '' },
			}),
		});
		expect(error?.message).toBe('Name: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});

describe('Blacklist > Delete', () => {
	it('DELETEs the blacklist and returns { deleted: true, id }', async () => {
		const scope = nock(BASE_URL).delete(PATH).reply(204);
		const { items, error } = await runNode({
			parameters: blacklist('deleteBlacklist', { blacklistId: locator(BLACKLIST) }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: BLACKLIST }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});
});

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

describe('Blacklist > Get Entries', () => {
	const ENTRIES = `${PATH}/entries`;
	const entry = (index: number) => ({
		id: `e-${index}`,
		company_name: `Company ${index}`,
		website_url: `https://c${index}.example`,
	});

	it('Return All reads every page as items', async () => {
		const scope = nock(BASE_URL)
			.get(ENTRIES)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: Array.from({ length: 100 }, (_, index) => entry(index)), total: 101 })
			.get(ENTRIES)
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: [entry(100)], total: 101 });
		const { items, error } = await runNode({
			parameters: blacklist('getEntries', { blacklistId: locator(BLACKLIST), returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		expect(items[100]).toEqual({ json: entry(100), pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('outputs one CSV file when Output is CSV File', async () => {
		const scope = nock(BASE_URL)
			.get(ENTRIES)
			.query({ limit: '2', offset: '0' })
			.reply(200, { items: [entry(1), { ...entry(2), company_name: 'Quote "Co", Ltd' }] });
		const { items, error } = await runNode({
			parameters: blacklist('getEntries', {
				blacklistId: locator(BLACKLIST),
				limit: 2,
				output: 'csvFile',
				binaryPropertyName: 'file',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ blacklist_id: BLACKLIST, entry_count: 2 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const file = items[0].binary?.file;
		expect(file?.mimeType).toBe('text/csv');
		expect(file?.fileName).toBe('blacklist-bl-1-entries.csv');
		expect(Buffer.from(file?.data ?? '', 'base64').toString('utf8')).toBe(
			'id,company_name,website_url\r\n' +
				'e-1,Company 1,https://c1.example\r\n' +
				'e-2,"Quote ""Co"", Ltd",https://c2.example\r\n',
		);
		expect(scope.isDone()).toBe(true);
	});
});

describe('Blacklist > Delete Entries', () => {
	const ENTRIES = `${PATH}/entries`;

	it('DELETEs the comma-separated IDs in the JSON body', async () => {
		const scope = nock(BASE_URL)
			.delete(ENTRIES, { entry_ids: ['e-1', 'e-2'] })
			.reply(200, { deleted: 2 });
		const { items, error } = await runNode({
			parameters: blacklist('deleteEntries', {
				blacklistId: locator(BLACKLIST),
				entryIds: ' e-1, e-2, e-1, ',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, deleted_count: 2 }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('takes the IDs from an array expression, and copes with an empty 204', async () => {
		const scope = nock(BASE_URL)
			.delete(ENTRIES, { entry_ids: ['e-7', 'e-8'] })
			.reply(204);
		const { items, error } = await runNode({
			parameters: blacklist('deleteEntries', {
				blacklistId: locator(BLACKLIST),
				entryIds: '={{ $json.ids }}',
			}),
			input: [{ ids: ['e-7', 'e-8'] }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty ID list without sending anything', async () => {
		const scope = nock(BASE_URL).delete(ENTRIES).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('deleteEntries', { blacklistId: locator(BLACKLIST), entryIds: ' , ' }),
		});
		expect(error?.message).toBe('Entry IDs: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});
