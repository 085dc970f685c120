import { describe, expect, it } from 'vitest';

import { advanceOrders } from '../../nodes/OpenProspect/triggers/orderCursor';
import type { OrdersState, OrderWalkOptions } from '../../nodes/OpenProspect/triggers/orderState';
import { deferOrderEvents, readOrdersState } from '../../nodes/OpenProspect/triggers/orderState';
import type { ListPage } from '../../nodes/OpenProspect/triggers/records';
import { CursorDataError } from '../../nodes/OpenProspect/triggers/records';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const ALL = ['CANCELLED', 'COMPLETED', 'FAILED', 'REJECTED'];

interface Order {
	id: string;
	status: string;
	created: number;
}

/** The orders list as the API serves it: newest first by created_at (ties by id, descending). */
class OrderList {
	orders: Order[] = [];
	reads: number[] = [];
	constructor(readonly pageSize = 10) {}

	add(id: string, created: number, status = 'RECEIVED'): Order {
		const order = { id, status, created };
		this.orders.push(order);
		return order;
	}

	set(id: string, status: string) {
		const order = this.orders.find((entry) => entry.id === id);
		if (!order) throw new Error(`no order ${id}`);
		order.status = status;
	}

	sorted(): Order[] {
		return [...this.orders].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
	}

	read = (offset: number): ListPage => {
		this.reads.push(offset);
		const all = this.sorted();
		const items = all
			.slice(offset, offset + this.pageSize)
			.map((order) => ({ id: order.id, status: order.status, created_at: iso(order.created) }));
		return { items, hasMore: offset + this.pageSize < all.length };
	};
}

function walkOptions(
	overrides: Partial<OrderWalkOptions> & { maxPages?: number } = {},
): OrderWalkOptions & { mayRead: (pages: number) => boolean } {
	const { maxPages = Infinity, ...rest } = overrides;
	return { statuses: ['COMPLETED'], pageSize: 10, mayRead: (pages) => pages < maxPages, ...rest };
}

async function walk(
	list: OrderList,
	state: OrdersState | undefined,
	options: Partial<OrderWalkOptions> & { maxPages?: number } = {},
) {
	list.reads = [];
	const result = await advanceOrders(state, list.read, walkOptions(options));
	// The state goes through JSON, as n8n stores it.
	return { ...result, state: JSON.parse(JSON.stringify(result.state)) as OrdersState };
}

const keys = (events: Array<{ key: string }>) => events.map((event) => event.key);

describe('advanceOrders: baseline, new orders, pending orders', () => {
	it('first run walks the list, emits nothing, and records the horizon and unfinished orders', async () => {
		const list = new OrderList();
		for (let i = 0; i < 25; i++)
			list.add(`o${i}`, T0 + i * 1000, i % 5 === 0 ? 'IN_PROGRESS' : 'COMPLETED');
		const first = await walk(list, undefined);
		expect(first.events).toEqual([]);
		expect(first.complete).toBe(true);
		expect(list.reads).toEqual([0, 10, 20]);
		expect(first.state.horizon).toEqual({ at: T0 + 24_000, ids: ['o24'] });
		expect(first.state.gaps).toEqual([]);
		expect(first.state.pending.map((entry) => entry.id).sort()).toEqual([
			'o0',
			'o10',
			'o15',
			'o20',
			'o5',
		]);
	});

	it('emits a new finished order once, a followed order when it finishes, and costs one request when idle', async () => {
		const list = new OrderList();
		for (let i = 0; i < 30; i++) list.add(`o${i}`, T0 + i * 1000, 'COMPLETED');
		list.set('o25', 'IN_PROGRESS');
		let { state } = await walk(list, undefined);

		list.add('new1', T0 + 100_000, 'COMPLETED');
		list.add('new2', T0 + 101_000, 'ACCEPTED');
		let result = await walk(list, state);
		expect(keys(result.events)).toEqual(['new1:COMPLETED']);
		expect(list.reads).toEqual([0]);
		state = result.state;

		list.set('new2', 'COMPLETED');
		list.set('o25', 'COMPLETED');
		result = await walk(list, state);
		expect(keys(result.events)).toEqual(['o25:COMPLETED', 'new2:COMPLETED']);
		expect(result.state.pending).toEqual([]);
		state = result.state;

		result = await walk(list, state);
		expect(result.events).toEqual([]);
		expect(list.reads).toEqual([0]);
		expect(result.state).toEqual(state);
	});

	it('an order created at the same millisecond as the horizon is new; the tied known one is not', async () => {
		const list = new OrderList();
		list.add('a', T0, 'COMPLETED');
		list.add('b', T0 + 5000, 'COMPLETED');
		const { state } = await walk(list, undefined);
		expect(state.horizon).toEqual({ at: T0 + 5000, ids: ['b'] });

		list.add('c', T0 + 5000, 'COMPLETED'); // sorts before or after b: either way it is new
		list.add('0', T0 + 5000, 'COMPLETED');
		const result = await walk(list, state);
		expect(keys(result.events).sort()).toEqual(['0:COMPLETED', 'c:COMPLETED']);
		expect(result.state.horizon).toEqual({
			at: T0 + 5000,
			ids: expect.arrayContaining(['b', 'c', '0']),
		});
		expect((await walk(list, result.state)).events).toEqual([]);
	});

	it('records finished orders outside the status filter without emitting them, and drops them from pending', async () => {
		const list = new OrderList();
		list.add('p', T0, 'IN_PROGRESS');
		const { state } = await walk(list, undefined);
		list.set('p', 'FAILED');
		list.add('q', T0 + 1000, 'REJECTED');
		list.add('r', T0 + 2000, 'FAILED');
		const result = await walk(list, state, { statuses: ['FAILED'] });
		expect(keys(result.events)).toEqual(['p:FAILED', 'r:FAILED']);
		expect(result.state.pending).toEqual([]);
		const other = await walk(list, state, { statuses: ['COMPLETED'] });
		expect(other.events).toEqual([]);
		expect(other.state.pending).toEqual([]);
	});

	it('reads on past the first page to reach a pending order, and drops one that disappeared', async () => {
		const list = new OrderList();
		list.add('old', T0, 'IN_PROGRESS');
		list.add('gone', T0 + 500, 'IN_PROGRESS');
		for (let i = 1; i <= 25; i++) list.add(`o${i}`, T0 + i * 1000, 'COMPLETED');
		let { state } = await walk(list, undefined);
		list.orders = list.orders.filter((order) => order.id !== 'gone');
		let result = await walk(list, state);
		expect(list.reads).toEqual([0, 10, 20]);
		expect(result.state.pending.map((entry) => entry.id)).toEqual(['old']);
		state = result.state;
		list.set('old', 'COMPLETED');
		result = await walk(list, state);
		expect(keys(result.events)).toEqual(['old:COMPLETED']);
	});

	it('stops reading once it has passed every pending order (no walk to the end of the list)', async () => {
		const list = new OrderList();
		for (let i = 0; i < 60; i++)
			list.add(`o${String(i).padStart(2, '0')}`, T0 + i * 1000, 'COMPLETED');
		list.set('o45', 'IN_PROGRESS');
		const { state } = await walk(list, undefined);
		await walk(list, state);
		expect(list.reads).toEqual([0, 10]);
	});

	it('emits existing finished orders on the first run only when asked, newest first up to the limit', async () => {
		const list = new OrderList();
		for (let i = 0; i < 30; i++) list.add(`o${i}`, T0 + i * 1000, i % 2 ? 'COMPLETED' : 'FAILED');
		const result = await walk(list, undefined, { firstRunLimit: 3 });
		expect(keys(result.events)).toEqual(['o25:COMPLETED', 'o27:COMPLETED', 'o29:COMPLETED']);
		expect((await walk(list, result.state, { firstRunLimit: 3 })).events).toEqual([]);
	});

	it('throws for an order without created_at, before changing anything', async () => {
		const read = (): ListPage => ({ items: [{ id: 'x', status: 'COMPLETED' }], hasMore: false });
		await expect(advanceOrders(undefined, read, walkOptions())).rejects.toThrow(CursorDataError);
		await expect(advanceOrders(undefined, read, walkOptions())).rejects.toThrow(
			'Order x has no readable created_at',
		);
	});

	it('deferOrderEvents puts undelivered events back so the next walk emits them again', async () => {
		const list = new OrderList();
		list.add('a', T0, 'COMPLETED');
		const { state } = await walk(list, undefined);
		list.add('b', T0 + 1000, 'COMPLETED');
		const result = await walk(list, state);
		expect(keys(result.events)).toEqual(['b:COMPLETED']);
		const deferred = deferOrderEvents(result.state, result.events);
		const again = await walk(list, deferred);
		expect(keys(again.events)).toEqual(['b:COMPLETED']);
		expect((await walk(list, again.state)).events).toEqual([]);
	});
});

describe('advanceOrders: early stops leave a gap that later polls fill', () => {
	it('a backlog larger than the page cap is emitted over several polls, skipping pages already handled', async () => {
		const list = new OrderList();
		list.add('base', T0, 'COMPLETED');
		let { state } = await walk(list, undefined);
		for (let i = 1; i <= 55; i++)
			list.add(`n${String(i).padStart(2, '0')}`, T0 + i * 1000, 'COMPLETED');

		let result = await walk(list, state, { maxPages: 2 });
		expect(result.complete).toBe(false);
		expect(result.events).toHaveLength(20);
		expect(result.state.gaps).toHaveLength(1);
		const emitted = new Set(keys(result.events));
		state = result.state;

		list.add('late', T0 + 90_000, 'COMPLETED'); // arrives while the backlog is drained
		result = await walk(list, state, { maxPages: 2 });
		// page 0 (the new order and the top of the handled band), then a jump past the band
		expect(list.reads[0]).toBe(0);
		expect(list.reads[1]).toBeGreaterThan(10);
		for (const key of keys(result.events)) {
			expect(emitted.has(key)).toBe(false);
			emitted.add(key);
		}
		state = result.state;
		while (!result.complete) {
			result = await walk(list, state, { maxPages: 2 });
			for (const key of keys(result.events)) {
				expect(emitted.has(key)).toBe(false);
				emitted.add(key);
			}
			state = result.state;
		}
		expect(emitted.size).toBe(56);
		expect(state.gaps).toEqual([]);
	});

	it('steps back when records inside a handled band were deleted, so nothing in the gap is skipped', async () => {
		const list = new OrderList();
		list.add('base', T0, 'COMPLETED');
		let { state } = await walk(list, undefined);
		for (let i = 1; i <= 45; i++)
			list.add(`n${String(i).padStart(2, '0')}`, T0 + i * 1000, 'COMPLETED');
		const first = await walk(list, state, { maxPages: 2 });
		state = first.state;
		// Delete 12 records of the band already handled (between the horizon and the gap).
		const band = list
			.sorted()
			.slice(2, 14)
			.map((order) => order.id);
		list.orders = list.orders.filter((order) => !band.includes(order.id));
		const emitted = new Set(keys(first.events));
		let result = await walk(list, state);
		expect(result.complete).toBe(true);
		for (const key of keys(result.events)) {
			expect(emitted.has(key)).toBe(false);
			emitted.add(key);
		}
		expect(emitted.size).toBe(45);
		result = await walk(list, result.state);
		expect(result.events).toEqual([]);
	});

	it('a first-run walk stopped by the cap continues its baseline on the next poll without emitting history', async () => {
		const list = new OrderList();
		for (let i = 0; i < 40; i++)
			list.add(`o${String(i).padStart(2, '0')}`, T0 + i * 1000, 'COMPLETED');
		list.set('o03', 'IN_PROGRESS');
		let result = await walk(list, undefined, { maxPages: 1 });
		expect(result.state.gaps).toEqual([
			{ above: { at: T0 + 30_000, ids: ['o30'] }, band: 10, baseline: true },
		]);
		list.add('new', T0 + 100_000, 'COMPLETED');
		result = await walk(list, result.state, { maxPages: 2 });
		expect(keys(result.events)).toEqual(['new:COMPLETED']);
		while (!result.complete) result = await walk(list, result.state, { maxPages: 2 });
		expect(result.state.pending.map((entry) => entry.id)).toEqual(['o03']);
		list.set('o03', 'COMPLETED');
		result = await walk(list, result.state);
		expect(keys(result.events)).toEqual(['o03:COMPLETED']);
	});

	/**
	 * A seeded model of the list with random creations (often tied to the millisecond), status
	 * changes, creations between two page reads, deletions of handled orders, and random page caps.
	 */
	it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
		'random histories lose and duplicate nothing (seed %i)',
		async (seed) => {
			let x = seed * 2654435761;
			const random = () => {
				x = (x * 1103515245 + 12345) % 2147483648;
				return x / 2147483648;
			};
			const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
			const list = new OrderList(5);
			let clock = T0;
			let nextId = 0;
			const create = () => {
				if (random() > 0.3) clock += Math.floor(random() * 3);
				const status = random() < 0.2 ? pick(ALL) : 'RECEIVED';
				return list.add(`id${nextId++}`, clock, status);
			};
			for (let i = 0; i < 30; i++) create();
			const statuses = ['COMPLETED', 'FAILED'];
			let { state } = await walk(list, undefined, { statuses });
			const expected = new Set<string>();
			const seen = new Set<string>();
			const record = (events: Array<{ key: string }>) => {
				for (const key of keys(events)) {
					expect(seen.has(key), `seed ${seed}: ${key} emitted twice`).toBe(false);
					seen.add(key);
				}
			};
			const finish = (order: Order, status: string) => {
				order.status = status;
				if (statuses.includes(status)) expected.add(`${order.id}:${status}`);
			};
			for (let step = 0; step < 150; step++) {
				for (let i = Math.floor(random() * 8); i > 0; i--) {
					const order = create();
					if (statuses.includes(order.status)) expected.add(`${order.id}:${order.status}`);
				}
				for (const order of list.orders) {
					if (ALL.includes(order.status) || random() > 0.15) continue;
					if (random() < 0.5) order.status = pick(['ACCEPTED', 'IN_PROGRESS']);
					else finish(order, pick(ALL));
				}
				if (random() < 0.1) {
					// Only an order whose event (if any) was emitted: a vanished order has no event.
					const handled = list.orders.filter(
						(order) =>
							ALL.includes(order.status) &&
							(!expected.has(`${order.id}:${order.status}`) ||
								seen.has(`${order.id}:${order.status}`)),
					);
					const victim = handled.length > 0 ? pick(handled) : undefined;
					list.orders = list.orders.filter((order) => order !== victim);
				}
				const read = list.read;
				list.read = (offset) => {
					if (random() < 0.1) {
						const order = create(); // created while the walk is between two pages
						if (statuses.includes(order.status)) expected.add(`${order.id}:${order.status}`);
					}
					return read(offset);
				};
				const result = await walk(list, state, {
					statuses,
					maxPages: 1 + Math.floor(random() * 3),
				});
				list.read = read;
				record(result.events);
				state = result.state;
			}
			for (let drain = 0; drain < 50; drain++) {
				const result = await walk(list, state, { statuses });
				record(result.events);
				state = result.state;
			}
			const missing = [...expected].filter((key) => !seen.has(key));
			expect(missing, `seed ${seed}: lost events`).toEqual([]);
			expect(seen.size).toBe(expected.size);
		},
	);
});

describe('readOrdersState', () => {
	it('accepts a stored state and rejects anything else (a new baseline follows)', () => {
		const state: OrdersState = {
			v: 1,
			horizon: { at: 1, ids: ['a'] },
			gaps: [],
			pending: [],
			emitted: [],
		};
		expect(readOrdersState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(readOrdersState(undefined)).toBeUndefined();
		expect(readOrdersState({ v: 2 })).toBeUndefined();
		expect(readOrdersState({ ...state, gaps: [{ band: 1 }] })).toBeUndefined();
	});
});

describe('advanceOrders: more unfinished orders than it follows', () => {
	it('names every order it stops following, and follows the newest', async () => {
		const list = new OrderList();
		const first = await walk(list, undefined);
		for (let i = 0; i < 6; i++) list.add(`u${i}`, T0 + 1000 + i, 'IN_PROGRESS');
		const second = await walk(list, first.state, { maxPending: 4 });
		expect(second.state.pending.map((entry) => entry.id)).toEqual(['u5', 'u4', 'u3', 'u2']);
		expect(second.dropped.map((entry) => entry.id)).toEqual(['u1', 'u0']);
		list.set('u5', 'COMPLETED');
		const third = await walk(list, second.state, { maxPending: 4 });
		expect(keys(third.events)).toEqual(['u5:COMPLETED']);
		expect(third.dropped).toEqual([]);
	});
});
