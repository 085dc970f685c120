/**
 * Pure cursor and dedupe logic of the OpenProspect Trigger. No I/O and no clock: pages are read
 * through an injected reader, the time is passed in. The state objects are plain JSON, because
 * they live in the workflow's node static data (and so in n8n's database).
 */
import type { IDataObject } from 'n8n-workflow';

import { TERMINAL_ORDER_STATUSES } from './statuses';

/** Statuses after which an order no longer changes. */
const TERMINAL = new Set(TERMINAL_ORDER_STATUSES);

export const MAX_PENDING_ORDERS = 5_000;
export const MAX_EMITTED_KEYS = 1_000;
export const MAX_SEEN_DELIVERIES = 5_000;
/** `delivered_since` may be inclusive or exclusive, and commits may land late: re-read this much. */
export const DELIVERY_OVERLAP_MS = 5 * 60_000;

/** A record the cursor cannot place: no id, or (orders) no readable `created_at`. */
export class CursorDataError extends Error {}

/** Builds the error thrown for such a record (the node passes one that makes a NodeOperationError). */
export type InvalidRecord = (message: string) => Error;

const cursorDataError: InvalidRecord = (message) => new CursorDataError(message);

export interface ListPage {
	items: IDataObject[];
	hasMore: boolean;
}

export interface WalkLimits {
	/** Whether another page may be read after `pagesRead` pages (page cap, poll time budget). */
	mayRead: (pagesRead: number) => boolean;
}

function idOf(record: IDataObject, what: string, invalid: InvalidRecord): string {
	const id = record.id;
	if ((typeof id === 'string' && id !== '') || typeof id === 'number') return String(id);
	throw invalid(`A ${what} in the list has no id`);
}

// ---- Order Finished --------------------------------------------------------------------------

/** A position in the newest-first order list: a `created_at` and the ids read at exactly it. */
export interface Mark {
	at: number;
	ids: string[];
}

/**
 * A stretch of the list not read yet, left by a poll that had to stop early. Between the horizon
 * and the first gap, and between two gaps, lies a "band" of records already handled.
 */
export interface OrderGap {
	/** The lowest record read above the gap (records tied with it but not listed are in the gap). */
	above: Mark;
	/** The highest handled record below the gap; absent when the gap runs to the end of the list. */
	below?: Mark;
	/** How many records the band above this gap held, from its top down to `above`. */
	band: number;
	/** Left by the first-run walk: its records existed before activation and are not events. */
	baseline?: boolean;
}

export interface PendingOrder {
	id: string;
	status: string;
	at: number;
}

export interface OrdersState {
	v: 1;
	/** The newest order handled (its `created_at` and the ids tied at it). */
	horizon?: Mark;
	gaps: OrderGap[];
	/** Orders seen with a non-terminal status, followed until they finish. */
	pending: PendingOrder[];
	/** `id:STATUS` of the latest events emitted: a second guard against duplicates. */
	emitted: string[];
}

export interface OrderEvent {
	/** `id:STATUS`, stable across polls. */
	key: string;
	id: string;
	status: string;
	at: number;
	order: IDataObject;
}

export interface OrderWalkOptions {
	/** Terminal statuses that are events (upper case). */
	statuses: string[];
	pageSize: number;
	/** On the very first poll, emit up to this many existing finished orders (0: none). */
	firstRunLimit?: number;
	maxPending?: number;
	maxEmitted?: number;
	invalid?: InvalidRecord;
}

export interface OrderWalkResult {
	events: OrderEvent[];
	state: OrdersState;
	/** False when the page cap or the time budget stopped the walk; the state then says what is left. */
	complete: boolean;
}

interface Order {
	id: string;
	status: string;
	at: number;
	record: IDataObject;
}

type Region = { kind: 'new' } | { kind: 'gap'; index: number } | { kind: 'band'; index: number };

function readOrder(record: IDataObject, invalid: InvalidRecord): Order {
	const id = idOf(record, 'order', invalid);
	const created = record.created_at ?? record.createdAt;
	const at = typeof created === 'string' ? Date.parse(created) : Number.NaN;
	if (!Number.isFinite(at)) {
		throw invalid(`Order ${id} has no readable created_at (got ${String(created)})`);
	}
	const status = typeof record.status === 'string' ? record.status.toUpperCase() : '';
	return { id, status, at, record };
}

function isTerminal(status: string): boolean {
	return TERMINAL.has(status);
}

function holds(mark: Mark, order: Order): boolean {
	return order.at === mark.at && mark.ids.includes(order.id);
}

function eventOf(order: Order): OrderEvent {
	const key = `${order.id}:${order.status}`;
	return { key, id: order.id, status: order.status, at: order.at, order: order.record };
}

function extendMark(mark: Mark | undefined, order: Order): Mark {
	if (mark && mark.at === order.at) return { at: mark.at, ids: [...mark.ids, order.id] };
	return { at: order.at, ids: [order.id] };
}

/**
 * One poll over `GET /api/v1/orders` (newest first by `created_at`, no filters). Records newer than
 * the horizon, or inside a gap, are new; the rest were handled already. New finished orders are
 * events; new unfinished ones are followed in `pending` until they finish. The walk ends once it
 * has read past the horizon and every gap and has met (or passed) every pending order, or at the
 * end of the list. Feed it the page at `nextOffset()` until that is undefined, or stop early and
 * call `finish()`: an early stop leaves a gap instead of skipping what was not read.
 */
export class OrderWalk {
	private readonly firstRun: boolean;
	private readonly horizon?: Mark;
	/** For the first run, one baseline gap from the top of the list (no `above`) to its end. */
	private readonly gaps: Array<Omit<OrderGap, 'above'> & { above?: Mark }>;
	private readonly pending: Map<string, PendingOrder>;
	private readonly statuses: Set<string>;
	private readonly invalid: InvalidRecord;
	private readonly emitted: Set<string>;
	private readonly pendingSeen = new Set<string>();
	private readonly readIds = new Set<string>();
	private readonly bandStart = new Map<number, number>();
	private readonly jumpTried = new Set<number>();
	private readonly events: OrderEvent[] = [];
	private readonly history: OrderEvent[] = [];
	private top?: Mark;
	private low?: Mark;
	private lowestAt = Number.POSITIVE_INFINITY;
	private position?: Region;
	/** List index just after the last record handled (read, or skipped inside a band). */
	private covered = 0;
	private jump?: { offset: number; band: number };
	private listEnded = false;
	private passedLastBoundary = false;

	constructor(
		private readonly state: OrdersState | undefined,
		private readonly options: OrderWalkOptions,
	) {
		this.firstRun = state === undefined;
		this.horizon = state?.horizon;
		this.gaps = state ? state.gaps : [{ band: 0, baseline: true }];
		this.pending = new Map((state?.pending ?? []).map((entry) => [entry.id, { ...entry }]));
		this.statuses = new Set(options.statuses);
		this.invalid = options.invalid ?? cursorDataError;
		this.emitted = new Set(state?.emitted ?? []);
	}

	/** The offset of the page to read next, or undefined when the walk is complete. */
	nextOffset(): number | undefined {
		if (this.listEnded) return undefined;
		if (this.jump) return this.jump.offset;
		if (this.passedLastBoundary && this.unresolvedPending() === 0) return undefined;
		return this.covered;
	}

	/** Takes the page read at `offset` (the last value of `nextOffset()`). */
	accept(offset: number, page: ListPage): void {
		if (this.jump) {
			if (!this.landedInsideBand(page)) {
				// Fewer records than counted (some were deleted): step back towards what is covered.
				const back = Math.max(this.covered, offset - this.options.pageSize);
				this.jump = back > this.covered ? { offset: back, band: this.jump.band } : undefined;
				return;
			}
			this.jump = undefined;
			this.covered = offset; // everything skipped lies strictly inside a handled band
		}
		const pageEnd = offset + page.items.length;
		for (let k = 0; k < page.items.length; k++) {
			const index = offset + k;
			const order = readOrder(page.items[k], this.invalid);
			this.covered = Math.max(this.covered, index + 1);
			// An order created between two page reads shifts the list: skip what was read already.
			if (this.readIds.has(order.id)) continue;
			this.readIds.add(order.id);
			const region = this.regionOf(order);
			this.track(order, region, index);
			this.handle(order, region);
			if (this.planJump(order, region, pageEnd, page.hasMore)) return;
		}
		if (!page.hasMore) this.listEnded = true;
	}

	finish(): OrderWalkResult {
		const complete = this.nextOffset() === undefined;
		for (const entry of [...this.pending.values()]) {
			const passed = this.listEnded || this.lowestAt < entry.at;
			if (passed && !this.pendingSeen.has(entry.id)) this.pending.delete(entry.id);
		}
		const limit = this.options.firstRunLimit ?? 0;
		const existing = this.firstRun ? this.history.slice(0, limit) : [];
		const events = [...this.events, ...existing].sort((a, b) => a.at - b.at);
		const maxPending = this.options.maxPending ?? MAX_PENDING_ORDERS;
		const pending = [...this.pending.values()].sort((a, b) => b.at - a.at).slice(0, maxPending);
		const emitted = [...(this.state?.emitted ?? []), ...events.map((event) => event.key)];
		return {
			events,
			complete,
			state: {
				v: 1,
				horizon: this.nextHorizon(),
				gaps: complete ? [] : this.remainingGaps(),
				pending,
				emitted: emitted.slice(-(this.options.maxEmitted ?? MAX_EMITTED_KEYS)),
			},
		};
	}

	private regionOf(order: Order): Region {
		const horizon = this.horizon;
		if (!this.firstRun) {
			if (!horizon || order.at > horizon.at) return { kind: 'new' };
			if (order.at === horizon.at && !horizon.ids.includes(order.id)) return { kind: 'new' };
		}
		for (let index = 0; index < this.gaps.length; index++) {
			const { above, below } = this.gaps[index];
			if (above && (order.at > above.at || holds(above, order))) return { kind: 'band', index };
			if (!below || order.at > below.at || (order.at === below.at && !holds(below, order))) {
				return { kind: 'gap', index };
			}
		}
		return { kind: 'band', index: this.gaps.length };
	}

	/** The `created_at` below which the walk has left the last gap (or the horizon) behind. */
	private lastBoundaryAt(): number {
		if (this.gaps.length === 0) return this.horizon?.at ?? Number.NEGATIVE_INFINITY;
		return this.gaps[this.gaps.length - 1].below?.at ?? Number.NEGATIVE_INFINITY;
	}

	/** Where band `index` starts: the horizon, or the bottom of the gap above it. */
	private bandTopAt(index: number): number {
		return (index === 0 ? this.horizon?.at : this.gaps[index - 1].below?.at) ?? Infinity;
	}

	private track(order: Order, region: Region, index: number): void {
		if (!this.top || order.at === this.top.at) this.top = extendMark(this.top, order);
		this.low = extendMark(this.low, order);
		this.lowestAt = Math.min(this.lowestAt, order.at);
		this.position = region;
		if (region.kind === 'band' && !this.bandStart.has(region.index)) {
			this.bandStart.set(region.index, index);
		}
		if (order.at < this.lastBoundaryAt()) this.passedLastBoundary = true;
	}

	private handle(order: Order, region: Region): void {
		const followed = this.pending.get(order.id);
		if (followed) {
			this.pendingSeen.add(order.id);
			if (isTerminal(order.status)) {
				this.pending.delete(order.id);
				this.emit(order);
			} else {
				followed.status = order.status;
			}
			return;
		}
		if (region.kind === 'band') return; // handled by an earlier poll
		if (!isTerminal(order.status)) {
			this.pending.set(order.id, { id: order.id, status: order.status, at: order.at });
			this.pendingSeen.add(order.id);
			return;
		}
		const history = region.kind === 'gap' && this.gaps[region.index].baseline;
		if (!history) this.emit(order);
		else if (this.firstRun && this.statuses.has(order.status)) this.history.push(eventOf(order));
	}

	private emit(order: Order): void {
		if (!this.statuses.has(order.status)) return; // finished, but not a status the user wants
		const event = eventOf(order);
		if (this.emitted.has(event.key)) return;
		this.emitted.add(event.key);
		this.events.push(event);
	}

	/**
	 * Inside a handled band the walk may skip ahead to the band's bottom, counted by the earlier
	 * poll, instead of reading it again. It starts only below the band's top tie group, lands above
	 * the bottom tie group, and does not skip a band holding a pending order.
	 */
	private planJump(order: Order, region: Region, pageEnd: number, hasMore: boolean): boolean {
		if (region.kind !== 'band' || region.index >= this.gaps.length) return false;
		const index = region.index;
		if (this.jumpTried.has(index) || order.at >= this.bandTopAt(index)) return false;
		this.jumpTried.add(index);
		const gap = this.gaps[index];
		if (!gap.above || this.pendingWithin(gap.above.at, this.bandTopAt(index))) return false;
		const target = (this.bandStart.get(index) ?? 0) + gap.band - gap.above.ids.length - 1;
		if (!hasMore || target <= pageEnd) return false;
		this.jump = { offset: target, band: index };
		return true;
	}

	private landedInsideBand(page: ListPage): boolean {
		const first = page.items[0];
		const above = this.jump && this.gaps[this.jump.band].above;
		return (
			first !== undefined && above !== undefined && readOrder(first, this.invalid).at > above.at
		);
	}

	private pendingWithin(from: number, to: number): boolean {
		for (const entry of this.pending.values()) {
			if (!this.pendingSeen.has(entry.id) && entry.at >= from && entry.at <= to) return true;
		}
		return false;
	}

	private unresolvedPending(): number {
		let count = 0;
		for (const entry of this.pending.values()) {
			if (!this.pendingSeen.has(entry.id) && this.lowestAt >= entry.at) count++;
		}
		return count;
	}

	private nextHorizon(): Mark | undefined {
		const { horizon, top } = this;
		if (!top || (horizon && top.at < horizon.at)) return horizon;
		if (horizon && top.at === horizon.at) {
			return { at: top.at, ids: [...new Set([...horizon.ids, ...top.ids])] };
		}
		return top;
	}

	/** The gaps left after an early stop, as seen from the new horizon. */
	private remainingGaps(): OrderGap[] {
		let position = this.position;
		const stored = this.state?.gaps ?? [];
		if (!position || !this.low) return stored;
		if (position.kind === 'band' && this.low.at === this.bandTopAt(position.index)) {
			// Stopped inside the band's top tie group: unread records tied with it may be new, so
			// the stop counts as one in the stretch above the band.
			position =
				position.index === 0 ? { kind: 'new' } : { kind: 'gap', index: position.index - 1 };
		}
		if (position.kind === 'new') {
			const gap: OrderGap = { above: this.low, below: this.horizon, band: this.covered };
			return [gap, ...stored];
		}
		if (position.kind === 'gap') {
			const { below, baseline } = this.gaps[position.index];
			const gap: OrderGap = { above: this.low, below, band: this.covered };
			if (baseline) gap.baseline = true;
			return [gap, ...stored.slice(position.index + 1)];
		}
		if (position.index >= stored.length) return [];
		const current = stored[position.index];
		const band = (this.bandStart.get(position.index) ?? 0) + current.band;
		return [{ ...current, band }, ...stored.slice(position.index + 1)];
	}
}

/** Runs an order walk: reads pages until it is complete or `limits` stops it. */
export async function advanceOrders(
	state: OrdersState | undefined,
	read: (offset: number) => ListPage | Promise<ListPage>,
	options: OrderWalkOptions & WalkLimits,
): Promise<OrderWalkResult> {
	const walk = new OrderWalk(state, options);
	let pagesRead = 0;
	for (let offset = walk.nextOffset(); offset !== undefined; offset = walk.nextOffset()) {
		if (pagesRead > 0 && !options.mayRead(pagesRead)) break;
		walk.accept(offset, await read(offset));
		pagesRead++;
	}
	return walk.finish();
}

/**
 * Puts events that could not be delivered in this poll (e.g. their results could not be fetched
 * within the time budget) back in line: followed again, and no longer counted as emitted.
 */
export function deferOrderEvents(state: OrdersState, events: OrderEvent[]): OrdersState {
	const keys = new Set(events.map((event) => event.key));
	const ids = new Set(events.map((event) => event.id));
	return {
		...state,
		pending: [
			...state.pending.filter((entry) => !ids.has(entry.id)),
			...events.map((event) => ({ id: event.id, status: '', at: event.at })),
		],
		emitted: state.emitted.filter((key) => !keys.has(key)),
	};
}

function isMark(value: unknown): value is Mark {
	const mark = value as Mark;
	return (
		typeof mark === 'object' &&
		mark !== null &&
		typeof mark.at === 'number' &&
		Array.isArray(mark.ids) &&
		mark.ids.every((id) => typeof id === 'string')
	);
}

function isGap(value: unknown): value is OrderGap {
	const gap = value as OrderGap;
	return (
		typeof gap === 'object' &&
		gap !== null &&
		isMark(gap.above) &&
		(gap.below === undefined || isMark(gap.below)) &&
		typeof gap.band === 'number'
	);
}

/** The stored state, or undefined when there is none (or it is not one this code wrote). */
export function readOrdersState(value: unknown): OrdersState | undefined {
	const state = value as OrdersState;
	if (typeof state !== 'object' || state === null || state.v !== 1) return undefined;
	const valid =
		(state.horizon === undefined || isMark(state.horizon)) &&
		Array.isArray(state.gaps) &&
		state.gaps.every(isGap) &&
		Array.isArray(state.pending) &&
		state.pending.every((entry) => typeof entry?.id === 'string' && typeof entry.at === 'number') &&
		Array.isArray(state.emitted);
	return valid ? state : undefined;
}

// ---- New Delivered Companies -----------------------------------------------------------------

export interface DeliveriesState {
	v: 1;
	prospectSearchId: string;
	/** The newest delivery handled (or the time of the last complete poll), in ms. */
	since: number;
	/** What the next poll asks for as `delivered_since`, in ms; it never moves backwards. */
	windowStart: number;
	/** `companyId@delivered_at` → its time (ms) for the records at or after `windowStart`. */
	seen: Array<[string, number]>;
}

export interface DeliveryEvent {
	/** `companyId@delivered_at`, stable across polls. */
	key: string;
	company: IDataObject;
	deliveredAt?: string;
}

export interface DeliveryWalkOptions extends WalkLimits {
	prospectSearchId: string;
	/** The poll's start (ms); it stands in for the delivery time of records that carry none. */
	now: number;
	overlapMs?: number;
	maxSeen?: number;
	invalid?: InvalidRecord;
	/** First run only: existing records to emit (the newest of the history, oldest first). */
	existing?: IDataObject[];
}

export interface DeliveryWalkResult {
	events: DeliveryEvent[];
	state: DeliveriesState;
	complete: boolean;
}

const DELIVERED_AT_FIELDS = ['delivered_at', 'deliveredAt', 'delivery_date'];

/** The record's delivery time as the API wrote it, from the first field that holds a string. */
export function deliveredAtOf(record: IDataObject): string | undefined {
	for (const field of DELIVERED_AT_FIELDS) {
		const value = record[field];
		if (typeof value === 'string' && value !== '') return value;
	}
	return undefined;
}

interface Delivery {
	key: string;
	/** A real delivery time, if the record has a readable one. */
	deliveredMs?: number;
	event: DeliveryEvent;
}

function readDelivery(record: IDataObject, invalid: InvalidRecord): Delivery {
	const deliveredAt = deliveredAtOf(record);
	const key = `${idOf(record, 'company', invalid)}@${deliveredAt ?? ''}`;
	const parsed = deliveredAt === undefined ? Number.NaN : Date.parse(deliveredAt);
	return {
		key,
		deliveredMs: Number.isFinite(parsed) ? parsed : undefined,
		event: { key, company: record, deliveredAt },
	};
}

/** The event for one delivered company record (Fetch Test Event uses it on its own). */
export function deliveryEventOf(
	record: IDataObject,
	invalid: InvalidRecord = cursorDataError,
): DeliveryEvent {
	return readDelivery(record, invalid).event;
}

/** Keeps the newest entries (whole time groups) within `max`, and where they start. */
function boundSeen(seen: Map<string, number>, windowStart: number, max: number) {
	const entries = [...seen].filter(([, at]) => at >= windowStart).sort((a, b) => b[1] - a[1]);
	let keep = entries.length;
	if (keep > max) {
		keep = max;
		// Never split a group of records delivered at the same time: they would come back as new.
		while (keep < entries.length && entries[keep][1] === entries[keep - 1][1]) keep++;
	}
	const kept = entries.slice(0, keep);
	const start = keep < entries.length ? kept[kept.length - 1][1] : windowStart;
	return { seen: kept, windowStart: start };
}

/**
 * One poll over `GET /api/v1/deliveries/{id}/companies?delivered_since=…` (oldest first). It asks
 * from `windowStart` (the newest delivery handled minus an overlap), skips what it has seen (by
 * company id and delivery time), and emits the rest. The checkpoint moves only over what was read:
 * on a complete walk to the newest delivery or the poll's start time, after an early stop to the
 * last delivery read. The first poll records the last few minutes as seen and emits nothing
 * (`existing` aside).
 */
export async function advanceDeliveries(
	state: DeliveriesState | undefined,
	read: (query: { offset: number; deliveredSince: string }) => ListPage | Promise<ListPage>,
	options: DeliveryWalkOptions,
): Promise<DeliveryWalkResult> {
	const overlap = options.overlapMs ?? DELIVERY_OVERLAP_MS;
	const firstRun = state === undefined;
	const windowStart = state?.windowStart ?? options.now - overlap;
	const seen = new Map(state?.seen ?? []);
	const events: DeliveryEvent[] = [];
	let newestDelivered = state?.since ?? Number.NEGATIVE_INFINITY;
	let lastDelivered: number | undefined;

	const take = (record: IDataObject, emit: boolean) => {
		const delivery = readDelivery(record, options.invalid ?? cursorDataError);
		const at = delivery.deliveredMs ?? options.now;
		if (seen.has(delivery.key)) return;
		if (at < windowStart && !emit) return; // before the window: handled by an earlier poll
		seen.set(delivery.key, at);
		if (delivery.deliveredMs !== undefined) {
			newestDelivered = Math.max(newestDelivered, delivery.deliveredMs);
			lastDelivered = delivery.deliveredMs;
		}
		if (emit) events.push(delivery.event);
	};

	for (const record of options.existing ?? []) take(record, true);
	lastDelivered = undefined;
	const deliveredSince = new Date(windowStart).toISOString();
	let complete = false;
	for (let offset = 0, pagesRead = 0; ; pagesRead++) {
		if (pagesRead > 0 && !options.mayRead(pagesRead)) break;
		const page = await read({ offset, deliveredSince });
		for (const record of page.items) take(record, !firstRun);
		offset += page.items.length;
		if (!page.hasMore || page.items.length === 0) {
			complete = true;
			break;
		}
	}

	const since = complete
		? Math.max(newestDelivered, options.now)
		: Math.max(newestDelivered, state?.since ?? windowStart);
	let nextStart = Math.max(windowStart, since - overlap);
	// After an early stop the unread records are not older than the last one read, and everything
	// read must stay in `seen`: the next poll reads it again.
	if (!complete)
		nextStart = Math.max(windowStart, Math.min(nextStart, lastDelivered ?? windowStart));
	const max = complete ? (options.maxSeen ?? MAX_SEEN_DELIVERIES) : Number.POSITIVE_INFINITY;
	const bounded = boundSeen(seen, nextStart, max);
	return {
		events,
		complete,
		state: {
			v: 1,
			prospectSearchId: options.prospectSearchId,
			since,
			windowStart: bounded.windowStart,
			seen: bounded.seen,
		},
	};
}

/** The stored state when it belongs to this prospect search, else undefined (a new baseline). */
export function readDeliveriesState(
	value: unknown,
	prospectSearchId: string,
): DeliveriesState | undefined {
	const state = value as DeliveriesState;
	if (typeof state !== 'object' || state === null || state.v !== 1) return undefined;
	const valid =
		state.prospectSearchId === prospectSearchId &&
		typeof state.since === 'number' &&
		typeof state.windowStart === 'number' &&
		Array.isArray(state.seen);
	return valid ? state : undefined;
}
