import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { locator } from '../../helpers/api';
import { API_KEY, BASE_URL, runNode } from '../../helpers/engine';

const PS = '550e8400-e29b-41d4-a716-446655440000';
// Above the ~126,000 elements at which spreading an array into push() overflows the call stack.
const TOTAL = 200_000;

/** GET /api/v1/companies over TOTAL small records, built per page; the offsets asked for are kept. */
function serveCompanies(offsets: number[]) {
	return nock(BASE_URL)
		.matchHeader('authorization', `Bearer ${API_KEY}`)
		.get('/api/v1/companies')
		.query(true)
		.times(TOTAL / 100 + 10)
		.reply(function (uri) {
			const query = new URL(uri, BASE_URL).searchParams;
			expect(query.get('prospect_search_id')).toBe(PS);
			const limit = Number(query.get('limit'));
			const offset = Number(query.get('offset'));
			offsets.push(offset);
			const count = Math.max(0, Math.min(limit, TOTAL - offset));
			const items = Array.from({ length: count }, (_, index) => ({ id: `c-${offset + index}` }));
			return [200, { items, total: TOTAL, limit, offset, has_more: offset + count < TOTAL }];
		});
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Company > Get Many, Return All over 200,000 records', () => {
	it('returns every record once, in order, each paired to the input item', async () => {
		const offsets: number[] = [];
		serveCompanies(offsets);
		const { items, error } = await runNode({
			parameters: {
				resource: 'company',
				operation: 'getAll',
				prospectSearchId: locator(PS),
				returnAll: true,
				simplify: false,
			},
		});
		expect(error?.message).toBeUndefined();
		expect(items).toHaveLength(TOTAL);
		const wrong = items.findIndex(
			(item, index) =>
				item.json.id !== `c-${index}` ||
				(item.pairedItem as { item?: number } | undefined)?.item !== 0,
		);
		expect(wrong).toBe(-1);
		// Every page once: the floor of 2,000 requests, whatever order they were sent in.
		expect([...offsets].sort((a, b) => a - b)).toEqual(
			Array.from({ length: TOTAL / 100 }, (_, page) => page * 100),
		);
	}, 120_000);
});
