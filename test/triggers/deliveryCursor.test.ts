import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { DeliveriesState } from '../../nodes/OpenProspect/triggers/deliveryCursor';
import {
	advanceDeliveries,
	MAX_HANDLED,
	SETTLE_MS,
} from '../../nodes/OpenProspect/triggers/deliveryCursor';
import {
	newestDeliveries,
	readDeliveriesState,
	startDeliveries,
} from '../../nodes/OpenProspect/triggers/deliveryState';
import { DeliveryList } from './deliveryList';

interface PollOptions {
	maxPages?: number;
	maxHandled?: number;
}

const json = (state: DeliveriesState) => JSON.parse(JSON.stringify(state)) as DeliveriesState;

/** One poll as the node runs it: activation without a state, else the walk; state through JSON. */
async function poll(
	list: DeliveryList,
	state: DeliveriesState | undefined,
	options: PollOptions = {},
) {
	list.queries = [];
	const limits = {
		mayRead: (pages: number) => pages < (options.maxPages ?? 50),
		maxHandled: options.maxHandled,
	};
	if (!state) {
		const newest = await newestDeliveries(list.read, 1, limits.mayRead);
		const started = await startDeliveries('ps-1', newest, list.read, limits);
		return { events: [] as string[], state: json(started), complete: true };
	}
	const result = await advanceDeliveries(state, list.read, limits);
	const events = result.events.map((event) => event.key.split('@')[0]);
	return { events, state: json(result.state), complete: result.complete };
}

describe('New Delivered Companies cursor', () => {
	it('activation emits nothing; each later delivery once; an idle poll costs one request', async () => {
		const list = new DeliveryList();
		list.add('old', list.clock - 3_600_000);
		list.add('recent', list.clock - 60_000);
		let { state } = await poll(list, undefined);
		list.clock += 10_000;
		list.add('a', list.clock);
		list.add('b', list.clock);
		list.clock += 50_000;
		const second = await poll(list, state);
		expect(second.events).toEqual(['a', 'b']);
		state = second.state;
		const idle = await poll(list, state);
		expect(idle.events).toEqual([]);
		expect(list.queries).toHaveLength(1);
	});

	it('a delivery at the same instant as the newest existing one, listed later, is new', async () => {
		for (const exclusive of [false, true]) {
			const list = new DeliveryList(10, exclusive);
			const at = list.clock - 1000;
			list.add('m', at);
			const first = await poll(list, undefined);
			list.clock += 5000;
			list.add('a', at); // same delivered_at, visible only now
			list.add('z', at);
			const second = await poll(list, first.state);
			expect(second.events).toEqual(['a', 'z']);
			list.clock += SETTLE_MS * 2;
			expect((await poll(list, second.state)).events).toEqual([]);
		}
	});

	it('does not depend on when the poll runs: only the server time in the answers', async () => {
		// The server clock is a year behind whatever n8n's is: nothing here reads n8n's clock.
		const list = new DeliveryList();
		list.clock = Date.parse('2025-01-01T00:00:00Z');
		const first = await poll(list, undefined);
		list.clock += 1000;
		list.add('a', list.clock);
		expect((await poll(list, first.state)).events).toEqual(['a']);
	});

	it('a delivery visible late, inside the settle window, is emitted once', async () => {
		const list = new DeliveryList(10);
		let { state } = await poll(list, undefined);
		list.clock += 60_000;
		for (let i = 0; i < 25; i++) list.add(`x${String(i).padStart(2, '0')}`, list.clock - 1000);
		const second = await poll(list, state);
		expect(second.events).toHaveLength(25);
		state = second.state;
		list.add('late', list.clock - 120_000, list.clock + 30_000); // before all of them, seen later
		list.clock += 60_000;
		const third = await poll(list, state);
		expect(third.events).toEqual(['late']);
		list.clock += SETTLE_MS;
		const settled = await poll(list, third.state);
		expect(settled.events).toEqual([]);
		expect(settled.state.handled).toEqual([]);
	});

	it('resumes where a poll stopped: 50,000 deliveries at one instant come through once', async () => {
		const list = new DeliveryList();
		let { state } = await poll(list, undefined);
		list.clock += 1000;
		const at = list.clock;
		for (let i = 0; i < 50_000; i++) list.add(`c${String(i).padStart(5, '0')}`, at);
		const seen = new Map<string, number>();
		let requests = 0;
		for (let round = 0; round < 40; round++) {
			list.clock += 60_000;
			const result = await poll(list, state);
			requests += list.queries.length;
			expect(list.queries.length).toBeLessThanOrEqual(50);
			for (const id of result.events) seen.set(id, (seen.get(id) ?? 0) + 1);
			expect(result.state.handled.length).toBeLessThanOrEqual(MAX_HANDLED);
			state = result.state;
		}
		expect(seen.size).toBe(50_000);
		expect([...seen.values()].every((count) => count === 1)).toBe(true);
		// 500 pages once, 50 once more for the 5,000 emitted early, one a poll otherwise.
		expect(requests).toBeLessThan(600);
		expect(JSON.stringify(state).length).toBeLessThan(2000);
	});

	it('after an activation with more recent deliveries than it keeps, those count as existing', async () => {
		const list = new DeliveryList();
		for (let i = 0; i < 30; i++) list.add(`old${String(i).padStart(2, '0')}`, list.clock - 1000);
		const first = await poll(list, undefined, { maxHandled: 10 });
		expect(first.state.existingThrough).toBe(list.clock - 1000);
		list.clock += 1000;
		list.add('new', list.clock);
		// `handled` is full of existing records: the new one waits until the cursor reaches it.
		const second = await poll(list, first.state, { maxHandled: 10 });
		expect(second.events).toEqual([]);
		list.clock += SETTLE_MS * 2;
		const third = await poll(list, second.state, { maxHandled: 10 });
		expect(third.events).toEqual(['new']);
		expect(third.state.existingThrough).toBeUndefined();
	});

	it('records without a delivery time are placed by their position', async () => {
		const list = new DeliveryList();
		const first = await poll(list, undefined);
		const read = list.read;
		list.read = async (query) => {
			const page = await read(query);
			return { ...page, items: page.items.map(({ id }) => ({ id })) };
		};
		list.add('x', list.clock + 1000);
		list.clock += 2000;
		const second = await poll(list, first.state);
		expect(second.events).toEqual(['x']);
		expect((await poll(list, second.state)).events).toEqual([]);
	});
});

describe('New Delivered Companies cursor: property', () => {
	it('0 lost, 0 duplicated with late visibility, ties, page caps and either delivered_since', async () => {
		const step = fc.record({
			deliveries: fc.array(
				fc.record({
					back: fc.integer({ min: 0, max: 3000 }),
					delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: SETTLE_MS })),
				}),
				{ maxLength: 30 },
			),
			advance: fc.integer({ min: 0, max: 4 * 60_000 }),
			maxPages: fc.integer({ min: 1, max: 4 }),
			poll: fc.boolean(),
		});
		await fc.assert(
			fc.asyncProperty(
				fc.boolean(),
				fc.array(step, { maxLength: 25 }),
				async (exclusive, steps) => {
					const list = new DeliveryList(10, exclusive);
					list.add('before', list.clock - 500);
					let { state } = await poll(list, undefined, { maxHandled: 40 });
					const expected = new Set<string>();
					const seen = new Map<string, number>();
					let n = 0;
					const record = (events: string[]) => {
						for (const id of events) seen.set(id, (seen.get(id) ?? 0) + 1);
					};
					for (const entry of steps) {
						list.clock += 1 + entry.advance;
						for (const delivery of entry.deliveries) {
							const id = `d${n++}`;
							const delivered = list.clock - delivery.back;
							list.add(id, delivered, delivered + delivery.delay);
							expected.add(id);
						}
						if (!entry.poll) continue;
						const result = await poll(list, state, { maxPages: entry.maxPages, maxHandled: 40 });
						record(result.events);
						state = result.state;
					}
					list.clock += 2 * SETTLE_MS;
					for (let round = 0; round < 200; round++) {
						const result = await poll(list, state, { maxPages: 3, maxHandled: 40 });
						record(result.events);
						state = result.state;
					}
					expect([...expected].filter((id) => !seen.has(id))).toEqual([]);
					expect([...seen].filter(([id, count]) => count !== 1 || !expected.has(id))).toEqual([]);
				},
			),
			{ numRuns: 60, seed: 20261204 },
		);
	});
});

describe('readDeliveriesState', () => {
	it('starts a new baseline for another prospect search or an unknown shape', () => {
		const state: DeliveriesState = {
			v: 2,
			prospectSearchId: 'ps-1',
			offset: 0,
			ahead: 0,
			handled: [],
		};
		expect(readDeliveriesState(state, 'ps-1')).toEqual(state);
		expect(readDeliveriesState(state, 'ps-2')).toBeUndefined();
		expect(readDeliveriesState({ ...state, offset: '3' }, 'ps-1')).toBeUndefined();
		expect(readDeliveriesState('x', 'ps-1')).toBeUndefined();
	});
});
