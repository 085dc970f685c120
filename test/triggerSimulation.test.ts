/**
 * Seeded randomised simulation of the OpenProspect Trigger against an in-test model of the API
 * (served through nock): orders created over time (often in the same millisecond) with random
 * status progressions, results over several pages, deliveries in tied batches and late commits,
 * random 429/5xx/401 failures and outages, page caps and time budgets that cut polls short, and
 * restarts from the stored (JSON) state. It asserts 0 lost and 0 duplicated events.
 * Every assertion names the seed; to replay one, put it in SEEDS.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { BASE_URL, runPoll } from './helpers/engine';

/** The simulation decides how much each poll may read (page cap, time budget). */
const limits = vi.hoisted(() => ({ maxPages: Number.POSITIVE_INFINITY, hasTime: true }));
vi.mock('../nodes/OpenProspect/triggers/limits', async (importOriginal) => {
	const original = await importOriginal<typeof import('../nodes/OpenProspect/triggers/limits')>();
	return {
		...original,
		pollLimits: () => ({
			mayRead: (pagesRead: number) => pagesRead < limits.maxPages,
			hasTime: () => limits.hasTime,
		}),
	};
});

const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
const TICK_MS = 20_000;
const FINAL = ['CANCELLED', 'COMPLETED', 'FAILED', 'REJECTED'];

function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface SimOrder {
	id: string;
	created: number;
	status: string;
	companies: number;
}

interface SimDelivery {
	id: string;
	delivered: number;
	visibleFrom: number;
}

const NEXT: Record<string, Array<[string, number]>> = {
	RECEIVED: [
		['ACCEPTED', 0.8],
		['REJECTED', 0.1],
		['CANCELLED', 0.1],
	],
	ACCEPTED: [
		['IN_PROGRESS', 0.9],
		['CANCELLED', 0.1],
	],
	IN_PROGRESS: [
		['COMPLETED', 0.8],
		['FAILED', 0.15],
		['CANCELLED', 0.05],
	],
};

const fromDatabase = (data: IDataObject): IDataObject =>
	JSON.parse(JSON.stringify(data)) as IDataObject;

/** The API model: state, list endpoints, and injectable failures. */
class Api {
	clock = Date.parse('2026-05-01T08:00:00.000Z');
	orders: SimOrder[] = [];
	deliveries: SimDelivery[] = [];
	faultRate = 0;
	outage = false;
	requests = 0;
	private nextId = 0;

	constructor(
		readonly random: () => number,
		readonly inclusiveSince: boolean,
	) {}

	id(prefix: string) {
		return `${prefix}${String(this.nextId++).padStart(5, '0')}`;
	}

	createOrders(count: number) {
		const created: SimOrder[] = [];
		let at = this.clock;
		for (let i = 0; i < count; i++) {
			if (this.random() < 0.5) at += 1 + Math.floor(this.random() * 50); // else a tie
			created.push({ id: this.id('o'), created: at, status: 'RECEIVED', companies: 0 });
		}
		this.orders.push(...created);
		return created;
	}

	/** Moves some unfinished orders on; returns those that reached a final status. */
	progress(share: number): SimOrder[] {
		const finished: SimOrder[] = [];
		for (const order of this.orders) {
			if (FINAL.includes(order.status) || this.random() > share) continue;
			let roll = this.random();
			for (const [status, chance] of NEXT[order.status]) {
				if ((roll -= chance) > 0) continue;
				order.status = status;
				if (status === 'COMPLETED') order.companies = Math.floor(this.random() * 130);
				if (FINAL.includes(status)) finished.push(order);
				break;
			}
		}
		return finished;
	}

	deliver(count: number): SimDelivery[] {
		const batch: SimDelivery[] = [];
		const tied = this.random() < 0.6;
		for (let i = 0; i < count; i++) {
			// Mostly delivered "now" (often tied); some committed late with an earlier time.
			const late = this.random() < 0.15 ? Math.floor(this.random() * 60_000) : 0;
			const at = tied ? this.clock : this.clock - Math.floor(this.random() * 5000);
			batch.push({ id: this.id('c'), delivered: at - late, visibleFrom: this.clock });
		}
		this.deliveries.push(...batch);
		return batch;
	}

	private fault(): [number, IDataObject, Record<string, string>] | undefined {
		if (!this.outage && this.random() >= this.faultRate) return undefined;
		const roll = this.random();
		if (roll < 0.4)
			return [429, { error: 'RATE_LIMIT_EXCEEDED', message: 'Slow down' }, { 'Retry-After': '0' }];
		if (roll < 0.97 || this.outage)
			return [
				500 + Math.floor(this.random() * 4),
				{ code: 'INTERNAL', message: 'Upstream failure' },
				{},
			];
		return [401, { code: 'UNAUTHORIZED', message: 'Invalid API key' }, {}];
	}

	/** One page of `rows`, each turned into its API record only once it is on the page. */
	private page<T>(
		rows: T[],
		toRecord: (row: T, index: number) => IDataObject,
		query: URLSearchParams,
		key = 'items',
	) {
		const offset = Number(query.get('offset') ?? 0);
		const limit = Number(query.get('limit') ?? 50);
		const slice = rows.slice(offset, offset + limit).map((row, i) => toRecord(row, offset + i));
		return {
			[key]: slice,
			total: rows.length,
			limit,
			offset,
			has_more: offset + slice.length < rows.length,
		};
	}

	handle(uri: string): [number, IDataObject, Record<string, string>] {
		this.requests++;
		const fault = this.fault();
		if (fault) return fault;
		const url = new URL(uri, BASE_URL);
		const iso = (ms: number) => new Date(ms).toISOString();
		if (url.pathname === '/api/v1/orders') {
			const sorted = [...this.orders].sort(
				(a, b) => b.created - a.created || (a.id < b.id ? 1 : -1),
			);
			const record = (order: SimOrder) => ({
				id: order.id,
				status: order.status,
				created_at: iso(order.created),
			});
			return [200, this.page(sorted, record, url.searchParams, 'orders'), {}];
		}
		const results = /^\/api\/v1\/orders\/([^/]+)\/results$/.exec(url.pathname);
		if (results) {
			const order = this.orders.find((entry) => entry.id === results[1]);
			if (!order || order.status !== 'COMPLETED')
				return [409, { code: 'ORDER_NOT_COMPLETED', message: 'Not completed' }, {}];
			const rows = Array.from({ length: order.companies });
			const record = (_: unknown, i: number) => ({ id: `${order.id}-c${i}`, name: `Company ${i}` });
			return [200, this.page(rows, record, url.searchParams), {}];
		}
		if (url.pathname === `/api/v1/deliveries/${SEARCH}/companies`) {
			const since = url.searchParams.get('delivered_since');
			const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
			const rows = this.deliveries
				.filter((entry) => entry.visibleFrom <= this.clock)
				.filter((entry) => (this.inclusiveSince ? entry.delivered >= from : entry.delivered > from))
				.sort((a, b) => a.delivered - b.delivered || (a.id < b.id ? -1 : 1));
			const record = (entry: SimDelivery) => ({
				id: entry.id,
				name: `Company ${entry.id}`,
				delivered_at: iso(entry.delivered),
			});
			return [200, this.page(rows, record, url.searchParams), {}];
		}
		return [404, { code: 'NOT_FOUND', message: `No route ${url.pathname}` }, {}];
	}
}

interface Outcome {
	polls: number;
	failedPolls: number;
	restarts: number;
	orders: number;
	orderEvents: number;
	deliveryEvents: number;
	requests: number;
}

async function simulate(seed: number): Promise<Outcome> {
	const random = mulberry32(seed);
	const api = new Api(random, random() < 0.5);
	nock(BASE_URL)
		.persist()
		.get(/.*/)
		.query(true)
		.reply((uri) => api.handle(uri));

	const statuses = random() < 0.5 ? FINAL : ['COMPLETED', 'REJECTED'];
	const includeResults = (['none', 'perCompany', 'perOrder'] as const)[Math.floor(random() * 3)];
	const orderParameters = {
		event: 'orderFinished',
		statuses,
		includeResults,
		simplify: random() < 0.5,
	};
	const deliveryParameters = {
		event: 'newDeliveredCompanies',
		prospectSearchId: { __rl: true, mode: 'id', value: SEARCH },
		simplify: false,
	};
	const where = `seed ${seed} (statuses ${statuses.join('/')}, results ${includeResults}, delivered_since ${api.inclusiveSince ? 'inclusive' : 'exclusive'})`;

	// Ground truth, and what the trigger emitted (event id → times seen; companies per order event).
	const expectedOrders = new Map<string, number>();
	const expectedDeliveries = new Set<string>();
	const seenOrders = new Map<string, number>();
	const seenDeliveries = new Map<string, number>();
	const outcome: Outcome = {
		polls: 0,
		failedPolls: 0,
		restarts: 0,
		orders: 0,
		orderEvents: 0,
		deliveryEvents: 0,
		requests: 0,
	};

	const expectFinished = (orders: SimOrder[]) => {
		for (const order of orders) {
			if (!statuses.includes(order.status)) continue;
			const items =
				includeResults === 'perCompany'
					? Math.max(1, order.status === 'COMPLETED' ? order.companies : 0)
					: 1;
			expectedOrders.set(`order:${order.id}:${order.status}`, items);
		}
	};
	const recordOrders = (items: INodeExecutionData[]) => {
		for (const { json } of items) {
			const key =
				includeResults === 'perCompany'
					? `order:${String(json.order_id)}:${String(json.order_status)}`
					: String(json.event_id);
			seenOrders.set(key, (seenOrders.get(key) ?? 0) + 1);
			if (includeResults === 'perOrder') {
				const order = api.orders.find((entry) => `order:${entry.id}:COMPLETED` === key);
				if (order)
					expect((json.results as IDataObject[]).length, `${where}: results of ${key}`).toBe(
						order.companies,
					);
			}
		}
	};
	const recordDeliveries = (items: INodeExecutionData[]) => {
		for (const { json } of items)
			seenDeliveries.set(String(json.id), (seenDeliveries.get(String(json.id)) ?? 0) + 1);
	};

	let orderData: IDataObject = {};
	let deliveryData: IDataObject = {};
	const poll = async (
		data: IDataObject,
		parameters: INodeParameters,
		record: (items: INodeExecutionData[]) => void,
	) => {
		vi.setSystemTime(api.clock);
		const before = JSON.stringify(data);
		outcome.polls++;
		try {
			const { out } = await runPoll({ parameters, staticData: data });
			if (out) record(out[0]);
		} catch (error) {
			outcome.failedPolls++;
			const { httpCode } = error as { httpCode?: string };
			expect(
				['401', '429', '500', '501', '502', '503'],
				`${where}: unexpected failure ${String(error)}`,
			).toContain(httpCode);
			// A failed poll changes nothing: n8n commits no state, and the trigger wrote none.
			expect(JSON.stringify(data), `${where}: state changed by a failed poll`).toBe(before);
		}
	};

	// History before activation, then the first polls (baselines) without faults or limits.
	api.createOrders(40);
	api.progress(1);
	api.progress(0.5);
	api.deliver(5);
	await poll(orderData, orderParameters, recordOrders);
	await poll(deliveryData, deliveryParameters, recordDeliveries);
	expect(seenOrders.size + seenDeliveries.size, `${where}: the baseline emitted events`).toBe(0);

	while (api.orders.length < 1000) {
		api.clock += TICK_MS;
		const burst = random() < 0.03;
		api.createOrders(burst ? 120 + Math.floor(random() * 130) : Math.floor(random() * 15));
		expectFinished(api.progress(0.25));
		if (random() < 0.4)
			for (const entry of api.deliver(1 + Math.floor(random() * (burst ? 150 : 6))))
				expectedDeliveries.add(entry.id);
		if (random() < 0.35) continue; // no poll this tick: a backlog builds up

		api.faultRate = random() < 0.3 ? 0.25 : 0.03;
		api.outage = random() < 0.05;
		limits.maxPages = random() < 0.3 ? 1 + Math.floor(random() * 3) : Number.POSITIVE_INFINITY;
		limits.hasTime = random() > 0.1;
		if (random() < 0.15) {
			orderData = fromDatabase(orderData);
			deliveryData = fromDatabase(deliveryData);
			outcome.restarts++;
		}
		await poll(orderData, orderParameters, recordOrders);
		await poll(deliveryData, deliveryParameters, recordDeliveries);
	}

	// Every order finishes; then calm polls drain what is left.
	for (
		let round = 0;
		round < 100 && api.orders.some((order) => !FINAL.includes(order.status));
		round++
	) {
		api.clock += TICK_MS;
		expectFinished(api.progress(1));
	}
	api.faultRate = 0;
	api.outage = false;
	limits.maxPages = Number.POSITIVE_INFINITY;
	limits.hasTime = true;
	for (let round = 0; round < 5; round++) {
		api.clock += TICK_MS;
		orderData = fromDatabase(orderData);
		await poll(orderData, orderParameters, recordOrders);
		await poll(deliveryData, deliveryParameters, recordDeliveries);
	}

	const lostOrders = [...expectedOrders.keys()].filter((key) => !seenOrders.has(key));
	const duplicatedOrders = [...seenOrders].filter(
		([key, count]) => count !== expectedOrders.get(key),
	);
	const lostDeliveries = [...expectedDeliveries].filter((id) => !seenDeliveries.has(id));
	const duplicatedDeliveries = [...seenDeliveries].filter(
		([id, count]) => count !== 1 || !expectedDeliveries.has(id),
	);
	expect(lostOrders, `${where}: lost order events`).toEqual([]);
	expect(duplicatedOrders, `${where}: duplicated or unexpected order events (key, items)`).toEqual(
		[],
	);
	expect(lostDeliveries, `${where}: lost deliveries`).toEqual([]);
	expect(duplicatedDeliveries, `${where}: duplicated or unexpected deliveries`).toEqual([]);

	outcome.orders = api.orders.length;
	outcome.orderEvents = expectedOrders.size;
	outcome.deliveryEvents = expectedDeliveries.size;
	outcome.requests = api.requests;
	return outcome;
}

/** To replay a failure, put the seed its message names here. */
const SEEDS = [20260501];

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	vi.useRealTimers();
});

describe('OpenProspect Trigger: seeded simulation', () => {
	it.each(SEEDS)(
		'seed %i: 1,000+ orders and their deliveries, with failures and restarts, lose and duplicate nothing',
		async (seed) => {
			vi.useFakeTimers({ toFake: ['Date'] });
			const outcome = await simulate(seed);
			expect(outcome.orders).toBeGreaterThanOrEqual(1000);
			expect(outcome.failedPolls).toBeGreaterThan(0);
			expect(outcome.restarts).toBeGreaterThan(0);
			expect(outcome.orderEvents).toBeGreaterThan(300);
		},
	);
});
