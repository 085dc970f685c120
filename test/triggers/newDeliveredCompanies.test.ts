import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { SETTLE_MS } from '../../nodes/OpenProspect/triggers/deliveryCursor';
import { BASE_URL, fromDatabase, pollError, runPoll } from '../helpers/engine';

const STATE_KEY = 'node:OpenProspect Trigger';
/** n8n's clock in these tests; the server's is a year behind it, and only the server's counts. */
const N8N_NOW = Date.parse('2026-03-01T10:00:00.000Z');
const T0 = N8N_NOW - 365 * 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
const DELIVERIES = `/api/v1/deliveries/${SEARCH}/companies`;

const parameters = (extra: IDataObject = {}) => ({
	event: 'newDeliveredCompanies',
	prospectSearchId: { __rl: true, mode: 'id', value: SEARCH },
	simplify: false,
	...extra,
});
const company = (id: string, delivered: number) => ({
	id,
	name: `Company ${id}`,
	delivered_at: iso(delivered),
	prospects: [{ id: `p-${id}`, name: 'Ada' }],
});
const page = (items: IDataObject[], offset = 0, total = offset + items.length) => ({
	items,
	total,
	limit: 100,
	offset,
	has_more: offset + items.length < total,
});

/** The server's clock, sent as its Date header (whole seconds). */
let serverNow = T0;
const date = () => ({ Date: new Date(serverNow).toUTCString() });

function expectList(query: Record<string, string>, body: IDataObject) {
	return nock(BASE_URL).get(DELIVERIES).query(query).reply(200, body, date());
}
const expectSince = (since: number, items: IDataObject[], offset = 0) =>
	expectList(
		{ delivered_since: iso(since), limit: '100', offset: String(offset) },
		page(items, offset),
	);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(N8N_NOW);
	serverNow = T0;
});
afterEach(() => {
	nock.cleanAll();
	vi.useRealTimers();
});

const RECENT = T0 - 60_000;
const SINCE0 = RECENT - SETTLE_MS;

/** Activation: the newest delivery (one request), then what lies after its time minus SETTLE_MS. */
async function baseline() {
	const scope = expectList({ limit: '1', offset: '0' }, page([company('recent', RECENT)]));
	expectSince(SINCE0, [company('recent', RECENT)]);
	const { out, staticData } = await runPoll({ parameters: parameters() });
	expect(scope.isDone()).toBe(true);
	expect(nock.pendingMocks()).toEqual([]);
	expect(out).toBeNull();
	return fromDatabase(staticData);
}

const ids = (out: Awaited<ReturnType<typeof runPoll>>['out']) =>
	out?.[0].map((item) => item.json.id);

describe('New Delivered Companies', () => {
	it('activation stores where to start in server time; new deliveries (two tied) come once, also across a restart', async () => {
		const staticData = await baseline();
		expect(staticData[STATE_KEY]).toMatchObject({
			deliveries: { v: 2, prospectSearchId: SEARCH, since: iso(SINCE0), offset: 0, serverTime: T0 },
		});
		serverNow = T0 + 60_000;
		const delivered = [
			company('recent', RECENT),
			company('x', T0 + 30_000),
			company('y', T0 + 30_000),
		];
		expectSince(SINCE0, delivered);
		const second = await runPoll({ parameters: parameters(), staticData });
		expect(second.out?.[0].map((item) => item.json)).toEqual(
			delivered.slice(1).map((entry) => ({
				event: 'delivery.company',
				event_id: `delivery:${entry.id}@${entry.delivered_at}`,
				prospect_search_id: SEARCH,
				...entry,
			})),
		);
		// A third company delivered at the same instant, visible only now, after a restart.
		serverNow = T0 + 120_000;
		expectSince(SINCE0, [...delivered, company('z', T0 + 30_000)]);
		const third = await runPoll({
			parameters: parameters(),
			staticData: fromDatabase(second.staticData),
		});
		expect(ids(third.out)).toEqual(['z']);
	});

	it('an idle poll costs one request and returns null', async () => {
		const staticData = await baseline();
		serverNow = T0 + 60_000;
		const scope = expectSince(SINCE0, [company('recent', RECENT)]);
		const { out } = await runPoll({ parameters: parameters(), staticData });
		expect(out).toBeNull();
		expect(scope.isDone()).toBe(true);
	});

	it('once the server time has passed them, the cursor moves past settled deliveries and asks from there', async () => {
		const staticData = await baseline();
		const delivered = [company('recent', RECENT), company('x', T0 + 1000), company('y', T0 + 1000)];
		expectSince(SINCE0, delivered);
		const second = await runPoll({ parameters: parameters(), staticData });
		serverNow = T0 + SETTLE_MS + 5000;
		expectSince(SINCE0, delivered);
		const third = await runPoll({
			parameters: parameters(),
			staticData: fromDatabase(second.staticData),
		});
		expect(third.out).toBeNull();
		expect(fromDatabase(third.staticData)[STATE_KEY]).toMatchObject({
			deliveries: { since: iso(RECENT + 1), offset: 2, handled: [] },
		});
		// The next poll resumes after x and y instead of re-reading them.
		const scope = expectSince(RECENT + 1, [company('w', T0 + SETTLE_MS)], 2);
		const fourth = await runPoll({ parameters: parameters(), staticData: third.staticData });
		expect(scope.isDone()).toBe(true);
		expect(ids(fourth.out)).toEqual(['w']);
	});

	it('continues from a state stored by the previous version without losing or repeating a delivery', async () => {
		// What version 1 stored after its activation at n8n time T: since T, window T - 5 min, seen.
		const T = N8N_NOW;
		const staticData = {
			[STATE_KEY]: {
				deliveries: {
					v: 1,
					prospectSearchId: SEARCH,
					since: T,
					windowStart: T - 5 * 60_000,
					seen: [[`recent@${iso(T - 60_000)}`, T - 60_000]],
				},
			},
		};
		serverNow = T + 60_000;
		const delivered = [company('recent', T - 60_000), company('x', T + 1000)];
		const scope = expectSince(T - 5 * 60_000, delivered);
		const first = await runPoll({ parameters: parameters(), staticData });
		expect(scope.isDone()).toBe(true);
		expect(ids(first.out)).toEqual(['x']);
		expectSince(T - 5 * 60_000, [...delivered, company('y', T + 2000)]);
		const second = await runPoll({
			parameters: parameters(),
			staticData: fromDatabase(first.staticData),
		});
		expect(ids(second.out)).toEqual(['y']);
	});

	it('a 429 that persists after the retries throws and keeps the state', async () => {
		const staticData = await baseline();
		const before = fromDatabase(staticData);
		nock(BASE_URL)
			.get(DELIVERIES)
			.query(true)
			.times(5)
			.reply(
				429,
				{ error: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' },
				{ 'Retry-After': '1' },
			);
		const error = await pollError({ parameters: parameters(), staticData });
		expect(error).toMatchObject({ message: 'Too many requests', httpCode: '429' });
		expect(fromDatabase(staticData)).toEqual(before);
	});

	it('Simplify gives the main company fields with the delivery time', async () => {
		const staticData = await baseline();
		expectSince(SINCE0, [company('x', T0 + 1000)]);
		const { out } = await runPoll({ parameters: parameters({ simplify: true }), staticData });
		expect(out?.[0][0].json).toEqual({
			event: 'delivery.company',
			event_id: `delivery:x@${iso(T0 + 1000)}`,
			prospect_search_id: SEARCH,
			id: 'x',
			name: 'Company x',
			delivered_at: iso(T0 + 1000),
		});
	});

	it('Fetch Test Event returns the newest delivered company (read through total) and stores nothing', async () => {
		const scope = expectList(
			{ limit: '1', offset: '0' },
			page([company('first', T0 - 9000)], 0, 3),
		);
		expectList({ limit: '100', offset: '2' }, page([company('newest', T0 - 1000)], 2, 3));
		const staticData: IDataObject = {};
		const { out } = await runPoll({ parameters: parameters(), staticData, mode: 'manual' });
		expect(scope.isDone()).toBe(true);
		expect(ids(out)).toEqual(['newest']);
		expect(fromDatabase(staticData)).toEqual({});
	});

	it('Fetch Test Event without a total reads every page to the end for the newest delivery', async () => {
		const companies = Array.from({ length: 130 }, (_, index) => company(`c${index}`, T0 + index));
		const withoutTotal = (offset: number, limit: number) => ({
			items: companies.slice(offset, offset + limit),
			has_more: offset + limit < companies.length,
		});
		expectList({ limit: '1', offset: '0' }, withoutTotal(0, 1));
		expectList({ limit: '100', offset: '0' }, withoutTotal(0, 100));
		expectList({ limit: '100', offset: '100' }, withoutTotal(100, 100));
		const { out } = await runPoll({ parameters: parameters(), mode: 'manual' });
		expect(nock.pendingMocks()).toEqual([]);
		expect(ids(out)).toEqual(['c129']);
	});

	it('Fetch Test Event before any delivery says what to do', async () => {
		expectList({ limit: '1', offset: '0' }, page([]));
		const error = await pollError({ parameters: parameters(), mode: 'manual' });
		expect(error.message).toBe('No company has been delivered yet');
		expect(error.description).toContain('try again once OpenProspect delivers the first company');
	});

	it('activation on an empty list asks for the whole list afterwards: no time is assumed', async () => {
		expectList({ limit: '1', offset: '0' }, page([]));
		const first = await runPoll({ parameters: parameters() });
		expect(first.out).toBeNull();
		expectList({ limit: '100', offset: '0' }, page([company('a', T0 - 5000)]));
		const second = await runPoll({
			parameters: parameters(),
			staticData: fromDatabase(first.staticData),
		});
		expect(ids(second.out)).toEqual(['a']);
	});

	it('Emit Existing on First Run emits the newest deliveries of the history, then only new ones', async () => {
		expectList({ limit: '1', offset: '0' }, page([company('c1', T0 - 3 * 3_600_000)], 0, 3));
		expectList(
			{ limit: '100', offset: '1' },
			page([company('c2', T0 - 2 * 3_600_000), company('c3', RECENT)], 1, 3),
		);
		expectSince(SINCE0, [company('c3', RECENT)]);
		const options = { options: { emitExistingOnFirstRun: true, maxItemsOnFirstRun: 2 } };
		const { out, staticData } = await runPoll({ parameters: parameters(options) });
		expect(nock.pendingMocks()).toEqual([]);
		expect(ids(out)).toEqual(['c2', 'c3']);
		expectSince(SINCE0, [company('c3', RECENT), company('c4', T0 + 1000)]);
		const next = await runPoll({
			parameters: parameters(options),
			staticData: fromDatabase(staticData),
		});
		expect(ids(next.out)).toEqual(['c4']);
	});

	it('a new prospect search starts a new baseline', async () => {
		const staticData = await baseline();
		const other = '9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c';
		const path = `/api/v1/deliveries/${other}/companies`;
		nock(BASE_URL).get(path).query({ limit: '1', offset: '0' }).reply(200, page([]), date());
		const { out } = await runPoll({
			parameters: parameters({ prospectSearchId: { __rl: true, mode: 'id', value: other } }),
			staticData,
		});
		expect(out).toBeNull();
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('refuses a prospect search that is not a UUID before sending any request', async () => {
		const error = await pollError({
			parameters: parameters({ prospectSearchId: { __rl: true, mode: 'id', value: 'nope' } }),
		});
		// The same reader and wording as the actions (the trigger's single item is item 0).
		expect(error.message).toBe('Prospect Search: "nope" is not a valid UUID [item 0]');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('OpenProspect Trigger', () => {
	it('refuses an unknown event instead of running another one', async () => {
		const error = await pollError({ parameters: { event: 'orderCreated' } });
		expect(error.message).toBe('Event: "orderCreated" is not an event of this trigger');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
