import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { BLACKLIST, blacklist, PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

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
