import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { apiRequestAllItems, readPages } from '../../nodes/OpenProspect/transport';
import { hasNextPage, readPage } from '../../nodes/OpenProspect/transport/pagination';
import { BASE_URL, makeExecuteContext } from '../helpers/engine';
import { after } from './tricklingServer.mjs';

const records = (from: number, count: number): IDataObject[] => Array.from({ length: count }, (_, index) => ({ id: `c${from + index}` }));

type Envelope = (page: IDataObject[], offset: number, total: number) => IDataObject | IDataObject[];

/** Serves `total` records from GET /api/v1/companies in the given envelope, recording each query. */
function serve(total: number, envelope: Envelope, seen: Array<{ limit: number; offset: number }>) {
	return nock(BASE_URL)
		.get('/api/v1/companies')
		.query(true)
		.times(1000)
		.reply(function (uri) {
			const query = new URL(uri, BASE_URL).searchParams;
			const limit = Number(query.get('limit'));
			const offset = Number(query.get('offset'));
			seen.push({ limit, offset });
			const page = records(offset, Math.max(0, Math.min(limit, total - offset)));
			return [200, envelope(page, offset, total)];
		});
}

async function readAll(limit?: number) {
	return await apiRequestAllItems.call(makeExecuteContext(), { path: '/api/v1/companies', limit });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('pagination through the real engine', () => {
	it('an exact multiple of 100 with has_more and total stops without an extra request', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(200, (items, offset, total) => ({ items, total, limit: 100, offset, has_more: offset + items.length < total }), seen);
		expect(await readAll()).toHaveLength(200);
		expect(seen).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 100, offset: 100 },
		]);
	});

	it('total missing: follows has_more', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(250, (items, offset, total) => ({ items, has_more: offset + items.length < total }), seen);
		expect(await readAll()).toHaveLength(250);
		expect(seen.map((entry) => entry.offset)).toEqual([0, 100, 200]);
	});

	it('has_more missing: follows total (the prospect-search envelope)', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(300, (items, offset, total) => ({ items, total, limit: 100, offset }), seen);
		expect(await readAll()).toHaveLength(300);
		expect(seen.map((entry) => entry.offset)).toEqual([0, 100, 200]);
	});

	it('neither: a short page ends the list; an exact multiple ends on an empty page', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(150, (items) => ({ items }), seen);
		expect(await readAll()).toHaveLength(150);
		expect(seen.map((entry) => entry.offset)).toEqual([0, 100]);
		nock.cleanAll();
		const seenExact: Array<{ limit: number; offset: number }> = [];
		serve(200, (items) => items, seenExact);
		expect(await readAll()).toHaveLength(200);
		expect(seenExact.map((entry) => entry.offset)).toEqual([0, 100, 200]);
	});

	it('an empty first page returns nothing after one request', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(0, (items, offset, total) => ({ items, total, has_more: false }), seen);
		expect(await readAll()).toEqual([]);
		expect(seen).toHaveLength(1);
	});

	it('a limit that ends mid-page reads ceil(L/100) pages and never returns more than L', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(10_000, (items, offset, total) => ({ items, total, has_more: offset + items.length < total }), seen);
		const result = await readAll(250);
		expect(result).toHaveLength(250);
		expect(result[249]).toEqual({ id: 'c249' });
		expect(seen).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 100, offset: 100 },
			{ limit: 50, offset: 200 },
		]);
	});

	it('a server that ignores limit and returns more is cut to the limit', async () => {
		nock(BASE_URL).get('/api/v1/companies').query(true).reply(200, { items: records(0, 100), has_more: true });
		expect(await readAll(30)).toHaveLength(30);
	});

	it('the orders envelope and a single unknown array key are read', async () => {
		nock(BASE_URL).get('/api/v1/companies').query(true).reply(200, { orders: records(0, 3), total: 3 });
		expect(await readAll()).toHaveLength(3);
		nock(BASE_URL).get('/api/v1/companies').query(true).reply(200, { entries: records(0, 2), count: 2 });
		expect(await readAll()).toHaveLength(2);
	});

	it('a server that ignores offset does not loop forever', async () => {
		nock(BASE_URL).get('/api/v1/companies').query(true).times(3).reply(200, { items: records(0, 100), has_more: true });
		expect(await readAll()).toHaveLength(100);
	});
});

/**
 * Serves `total` records with a small delay per page, recording each query and the most requests
 * in flight at once.
 */
function serveSlowly(total: number, envelope: Envelope) {
	const seen: Array<{ limit: number; offset: number }> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	nock(BASE_URL)
		.get('/api/v1/companies')
		.query(true)
		.times(1000)
		.reply((uri, _body, callback) => {
			const query = new URL(uri, BASE_URL).searchParams;
			const limit = Number(query.get('limit'));
			const offset = Number(query.get('offset'));
			seen.push({ limit, offset });
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			// Later pages answer sooner, so completion order differs from request order.
			after(5 + Math.max(0, 20 - offset / 100), () => {
				inFlight--;
				callback(null, [200, envelope(records(offset, Math.max(0, Math.min(limit, total - offset))), offset, total)]);
			});
		});
	return { seen, maxInFlight: () => maxInFlight };
}

const withTotal: Envelope = (items, offset, total) => ({ items, total, has_more: offset + items.length < total });

describe('concurrent pages once the total is known', () => {
	it('Return All of 2,000 records: exactly 20 requests, several in flight (at most 8), emitted in order', async () => {
		const server = serveSlowly(2000, withTotal);
		const result = await readAll();
		expect(result.map((record) => record.id)).toEqual(records(0, 2000).map((record) => record.id));
		expect(server.seen).toHaveLength(20);
		expect(new Set(server.seen.map((entry) => entry.offset)).size).toBe(20);
		expect(server.maxInFlight()).toBeGreaterThan(1);
		expect(server.maxInFlight()).toBeLessThanOrEqual(8);
	});

	it('a Limit of 1,050 reads exactly 11 pages, the last one asking for 50', async () => {
		const server = serveSlowly(5000, withTotal);
		const result = await readAll(1050);
		expect(result).toHaveLength(1050);
		expect(result.at(-1)).toEqual({ id: 'c1049' });
		expect(server.seen).toHaveLength(11);
		expect(server.seen.find((entry) => entry.offset === 1000)).toEqual({ limit: 50, offset: 1000 });
	});

	it('concurrency 1 reads one page after the other', async () => {
		const server = serveSlowly(1000, withTotal);
		const result = await apiRequestAllItems.call(makeExecuteContext(), { path: '/api/v1/companies', concurrency: 1 });
		expect(result).toHaveLength(1000);
		expect(server.maxInFlight()).toBe(1);
		expect(server.seen.map((entry) => entry.offset)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
	});

	it('only has_more (no total): sequential, as the end is unknown', async () => {
		const server = serveSlowly(1000, (items, offset, total) => ({ items, has_more: offset + items.length < total }));
		expect(await readAll()).toHaveLength(1000);
		expect(server.maxInFlight()).toBe(1);
		expect(server.seen).toHaveLength(10);
	});

	it('a page still rate limited after all its attempts is queued again, not failed', async () => {
		const seen: number[] = [];
		let limited = 0;
		nock(BASE_URL)
			.get('/api/v1/companies')
			.query(true)
			.times(100)
			.reply((uri) => {
				const offset = Number(new URL(uri, BASE_URL).searchParams.get('offset'));
				seen.push(offset);
				if (offset === 200 && limited < 6) {
					limited++;
					return [429, { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, { 'Retry-After': '0' }];
				}
				return [200, withTotal(records(offset, 100), offset, 400)];
			});
		const result = await readAll();
		expect(result.map((record) => record.id)).toEqual(records(0, 400).map((record) => record.id));
		expect(limited).toBe(6);
		expect(seen.filter((offset) => offset === 200)).toHaveLength(7);
	});

	it('a total far above the real count stops at the first empty page (at most a window of extra requests)', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(1000, (items) => ({ items, total: 10 ** 9 }), seen);
		expect(await readAll()).toHaveLength(1000);
		expect(seen.length).toBeGreaterThanOrEqual(11);
		expect(seen.length).toBeLessThanOrEqual(10 + 8);
	});

	it('a server that ignores offset (same first record) stops the walk instead of repeating pages', async () => {
		nock(BASE_URL).get('/api/v1/companies').query(true).times(10).reply(200, { items: records(0, 100), total: 1000 });
		expect(await readAll()).toHaveLength(100);
	});
});

describe('readPages: the sequential page reader', () => {
	it('yields each page with its offset, total, has_more and headers, from a start offset and page size', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(130, (items, offset, total) => ({ items, total, has_more: offset + items.length < total }), seen);
		const pages = [];
		for await (const page of readPages.call(makeExecuteContext(), { path: '/api/v1/companies', startOffset: 10, pageSize: 50 })) {
			pages.push({ offset: page.offset, count: page.items.length, total: page.total, hasMore: page.hasMore, type: page.headers['content-type'] });
		}
		expect(seen).toEqual([
			{ limit: 50, offset: 10 },
			{ limit: 50, offset: 60 },
			{ limit: 50, offset: 110 },
		]);
		expect(pages).toEqual([
			{ offset: 10, count: 50, total: 130, hasMore: true, type: 'application/json' },
			{ offset: 60, count: 50, total: 130, hasMore: true, type: 'application/json' },
			{ offset: 110, count: 20, total: 130, hasMore: false, type: 'application/json' },
		]);
	});

	it('stops requesting when the consumer stops reading', async () => {
		const seen: Array<{ limit: number; offset: number }> = [];
		serve(1000, (items, offset, total) => ({ items, total }), seen);
		for await (const page of readPages.call(makeExecuteContext(), { path: '/api/v1/companies' })) {
			if (page.offset >= 100) break;
		}
		expect(seen.map((entry) => entry.offset)).toEqual([0, 100]);
	});
});

describe('page reading (pure)', () => {
	it('accepts the documented envelopes and a bare array', () => {
		expect(readPage({ items: [{ id: 1 }], total: 1, has_more: false })).toEqual({ items: [{ id: 1 }], total: 1, hasMore: false });
		expect(readPage({ orders: [{ id: 1 }] })).toEqual({ items: [{ id: 1 }], total: undefined, hasMore: undefined });
		expect(readPage([{ id: 1 }])).toEqual({ items: [{ id: 1 }] });
		expect(readPage({ a: [], b: [] })).toBeUndefined();
		expect(readPage('oops')).toBeUndefined();
	});

	it('decides the next page from has_more, else total, else a full page', () => {
		const full = records(0, 100);
		expect(hasNextPage({ items: full, hasMore: false, total: 1000 }, 0, 100)).toBe(false);
		expect(hasNextPage({ items: records(0, 10), hasMore: true }, 0, 100)).toBe(true);
		expect(hasNextPage({ items: full, total: 200 }, 100, 100)).toBe(false);
		expect(hasNextPage({ items: full, total: 201 }, 100, 100)).toBe(true);
		expect(hasNextPage({ items: full }, 0, 100)).toBe(true);
		expect(hasNextPage({ items: records(0, 99) }, 0, 100)).toBe(false);
		expect(hasNextPage({ items: [], hasMore: true }, 0, 100)).toBe(false);
	});
});
