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

import { SETTLE_MS } from '../../nodes/OpenProspect/triggers/deliveryCursor';
import { MAX_PAGES_PER_POLL } from '../../nodes/OpenProspect/triggers/limits';
import { BASE_URL, fromDatabase, runPoll } from '../helpers/engine';
import type { SimOrder } from './simulationApi';
import { Api, FINAL, mulberry32, SEARCH } from './simulationApi';

/** The simulation decides how much each poll may read (page cap, time budget). */
const limits = vi.hoisted(() => ({ maxPages: Number.POSITIVE_INFINITY, hasTime: true }));
vi.mock('../../nodes/OpenProspect/triggers/limits', async (importOriginal) => {
	const original =
		await importOriginal<typeof import('../../nodes/OpenProspect/triggers/limits')>();
	return {
		...original,
		pollLimits: () => ({
			mayRead: (pagesRead: number) => pagesRead < limits.maxPages,
			hasTime: () => limits.hasTime,
		}),
	};
});

const TICK_MS = 20_000;
const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

/** One run: its seed, how many orders, and how the server disagrees with n8n. */
interface Scenario {
	seed: number;
	orders: number;
	clockOffsetMs: number;
	visibilityDelayMs: number;
	/** Deliveries per tick are multiplied by this. */
	deliveryScale: number;
	/** Ticks go on until this many deliveries were made, too. */
	deliveries: number;
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

async function simulate(scenario: Scenario): Promise<Outcome> {
	const { seed } = scenario;
	const random = mulberry32(seed);
	const api = new Api(random, {
		inclusiveSince: random() < 0.5,
		clockOffsetMs: scenario.clockOffsetMs,
		visibilityDelayMs: scenario.visibilityDelayMs,
	});
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
	const where = `seed ${seed}, server clock ${scenario.clockOffsetMs} ms, visible up to ${scenario.visibilityDelayMs} ms late (statuses ${statuses.join('/')}, results ${includeResults}, delivered_since ${api.inclusiveSince ? 'inclusive' : 'exclusive'})`;

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
	api.deliver(5, true);
	await poll(orderData, orderParameters, recordOrders);
	await poll(deliveryData, deliveryParameters, recordDeliveries);
	expect(seenOrders.size + seenDeliveries.size, `${where}: the baseline emitted events`).toBe(0);

	while (api.orders.length < scenario.orders || expectedDeliveries.size < scenario.deliveries) {
		api.clock += TICK_MS;
		const burst = random() < 0.03;
		const created = burst ? 120 + Math.floor(random() * 130) : Math.floor(random() * 15);
		api.createOrders(api.orders.length < scenario.orders ? created : 0);
		expectFinished(api.progress(0.25));
		if (random() < 0.4)
			for (const entry of api.deliver(
				scenario.deliveryScale * (1 + Math.floor(random() * (burst ? 150 : 6))),
			))
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
	// A delivery that became visible behind the read-ahead comes once the server time has passed
	// it by SETTLE_MS: poll (every minute) until then.
	const lastVisible = api.deliveries.reduce((last, entry) => Math.max(last, entry.visibleFrom), 0);
	while (api.clock <= lastVisible + SETTLE_MS + 60_000) {
		api.clock += 60_000;
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

/**
 * 50,000 deliveries at one instant, visible over the next `visibilityDelayMs`, read with the real
 * page cap, some 429/5xx, and the state restored from JSON before every poll.
 */
async function burst(clockOffsetMs: number, visibilityDelayMs: number) {
	const random = mulberry32(clockOffsetMs);
	const api = new Api(random, { inclusiveSince: true, clockOffsetMs, visibilityDelayMs });
	nock(BASE_URL)
		.persist()
		.get(/.*/)
		.query(true)
		.reply((uri) => api.handle(uri));
	const parameters = {
		event: 'newDeliveredCompanies',
		prospectSearchId: { __rl: true, mode: 'id', value: SEARCH },
	};
	limits.maxPages = MAX_PAGES_PER_POLL;
	api.deliver(20, true);
	let data: IDataObject = {};
	const seen = new Map<string, number>();
	const poll = async () => {
		vi.setSystemTime(api.clock);
		data = fromDatabase(data);
		const before = api.requests;
		try {
			const { out } = await runPoll({ parameters, staticData: data });
			for (const { json } of out?.[0] ?? [])
				seen.set(String(json.id), (seen.get(String(json.id)) ?? 0) + 1);
		} catch (error) {
			expect((error as { httpCode?: string }).httpCode).toMatch(/^(401|429|5\d\d)$/);
		}
		expect(api.requests - before).toBeLessThanOrEqual(MAX_PAGES_PER_POLL + 12);
	};
	await poll();
	api.clock += 1000;
	const delivered = api.burst(50_000);
	for (let round = 0; round < 40; round++) {
		api.clock += 60_000;
		api.faultRate = round % 3 === 0 ? 0.02 : 0;
		await poll();
	}
	api.faultRate = 0;
	const where = `server clock ${clockOffsetMs} ms, visible up to ${visibilityDelayMs} ms late`;
	expect(
		delivered.filter((entry) => seen.get(entry.id) !== 1).length,
		`${where}: lost or duplicated`,
	).toBe(0);
	expect(seen.size, `${where}: unexpected deliveries`).toBe(50_000);
	expect(JSON.stringify(data).length, `${where}: state size`).toBeLessThan(3000);
	limits.maxPages = Number.POSITIVE_INFINITY;
}

/** To replay a failure, put the seed its message names here. */
const SEEDS = [20260501];

const OFFSETS = [-YEAR, -HOUR, 0, HOUR, YEAR];
const LATE_MS = 4 * 60_000;

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
			const scenario = {
				seed,
				orders: 1000,
				deliveries: 0,
				clockOffsetMs: 0,
				visibilityDelayMs: 0,
				deliveryScale: 1,
			};
			const outcome = await simulate(scenario);
			expect(outcome.orders).toBeGreaterThanOrEqual(1000);
			expect(outcome.failedPolls).toBeGreaterThan(0);
			expect(outcome.restarts).toBeGreaterThan(0);
			expect(outcome.orderEvents).toBeGreaterThan(300);
		},
		120_000,
	);
});

describe('OpenProspect Trigger: the server clock and visibility disagree with n8n', () => {
	const matrix = OFFSETS.flatMap((offset, index) =>
		[0, LATE_MS].map((late) => [offset, late, 7000 + index * 2 + (late ? 1 : 0)] as const),
	);
	it.each(matrix)(
		'server clock %i ms from n8n, deliveries visible up to %i ms late (seed %i): 0 lost, 0 duplicated',
		async (clockOffsetMs, visibilityDelayMs, seed) => {
			vi.useFakeTimers({ toFake: ['Date'] });
			const outcome = await simulate({
				seed,
				orders: 100,
				deliveries: 1000,
				clockOffsetMs,
				visibilityDelayMs,
				deliveryScale: 6,
			});
			expect(outcome.deliveryEvents).toBeGreaterThanOrEqual(1000);
			expect(outcome.failedPolls).toBeGreaterThan(0);
		},
		120_000,
	);

	it.each(OFFSETS)(
		'server clock %i ms from n8n: 50,000 deliveries at one instant, visible over 4 minutes, each once',
		async (offset) => {
			vi.useFakeTimers({ toFake: ['Date'] });
			await burst(offset, LATE_MS);
		},
		120_000,
	);
});
