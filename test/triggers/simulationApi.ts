/**
 * The API model of the seeded trigger simulation, served through nock: orders created over time
 * (often in the same millisecond) with random status progressions, results over several pages,
 * deliveries in tied batches and late commits, injectable 429/5xx/401 failures. Its clock can
 * disagree with n8n's (`clockOffsetMs`: every timestamp and the Date header), and deliveries can
 * become visible up to `visibilityDelayMs` after their `delivered_at`.
 */
import type { IDataObject } from 'n8n-workflow';

import { BASE_URL } from '../helpers/engine';

export const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
export const FINAL = ['CANCELLED', 'COMPLETED', 'FAILED', 'REJECTED'];

export interface ApiOptions {
	inclusiveSince: boolean;
	clockOffsetMs?: number;
	visibilityDelayMs?: number;
}

type Reply = [number, IDataObject, Record<string, string>];

export function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SimOrder {
	id: string;
	created: number;
	status: string;
	companies: number;
}

export interface SimDelivery {
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

/** The API model: state, list endpoints, and injectable failures. */
export class Api {
	clock = Date.parse('2026-05-01T08:00:00.000Z');
	orders: SimOrder[] = [];
	deliveries: SimDelivery[] = [];
	faultRate = 0;
	outage = false;
	requests = 0;
	private nextId = 0;

	constructor(
		readonly random: () => number,
		readonly options: ApiOptions,
	) {}

	get inclusiveSince(): boolean {
		return this.options.inclusiveSince;
	}

	/** The server's clock: n8n's (`clock`) plus the offset. */
	private serverMs(ms: number): number {
		return ms + (this.options.clockOffsetMs ?? 0);
	}

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

	deliver(count: number, visibleNow = false): SimDelivery[] {
		const batch: SimDelivery[] = [];
		const tied = this.random() < 0.6;
		const delay = visibleNow ? 0 : (this.options.visibilityDelayMs ?? 0);
		for (let i = 0; i < count; i++) {
			// Mostly delivered "now" (often tied); some committed late with an earlier time.
			const late = this.random() < 0.15 ? Math.floor(this.random() * 60_000) : 0;
			const at = tied ? this.clock : this.clock - Math.floor(this.random() * 5000);
			const delivered = at - late;
			const visibleFrom = delay > 0 ? delivered + Math.floor(this.random() * delay) : this.clock;
			batch.push({ id: this.id('c'), delivered, visibleFrom: Math.max(this.clock, visibleFrom) });
		}
		this.push(batch);
		return batch;
	}

	/** `count` deliveries at one instant, visible over the visibility delay. */
	burst(count: number): SimDelivery[] {
		const delay = this.options.visibilityDelayMs ?? 0;
		const batch = Array.from({ length: count }, () => ({
			id: this.id('c'),
			delivered: this.clock,
			visibleFrom: this.clock + Math.floor(this.random() * delay),
		}));
		this.push(batch);
		return batch;
	}

	private sortedDeliveries?: SimDelivery[];
	/** The rows of the last listing: a poll reads its pages at one clock and one `from`. */
	private listing?: { clock: number; from: number; rows: SimDelivery[] };

	private push(batch: SimDelivery[]) {
		for (const entry of batch) this.deliveries.push(entry);
		this.sortedDeliveries = undefined;
		this.listing = undefined;
	}

	private listedDeliveries(from: number): SimDelivery[] {
		if (this.listing?.clock === this.clock && this.listing.from === from) return this.listing.rows;
		this.sortedDeliveries ??= [...this.deliveries].sort(
			(a, b) => a.delivered - b.delivered || (a.id < b.id ? -1 : 1),
		);
		const rows = this.sortedDeliveries.filter(
			(entry) =>
				entry.visibleFrom <= this.clock &&
				(this.inclusiveSince ? entry.delivered >= from : entry.delivered > from),
		);
		this.listing = { clock: this.clock, from, rows };
		return rows;
	}

	private fault(): Reply | undefined {
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

	handle(uri: string): Reply {
		const [status, body, headers] = this.answer(uri);
		return [status, body, { ...headers, Date: new Date(this.serverMs(this.clock)).toUTCString() }];
	}

	private answer(uri: string): Reply {
		this.requests++;
		const fault = this.fault();
		if (fault) return fault;
		const url = new URL(uri, BASE_URL);
		const iso = (ms: number) => new Date(this.serverMs(ms)).toISOString();
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
			const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since) - this.serverMs(0);
			const rows = this.listedDeliveries(from);
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
