/**
 * The cursor of New Delivered Companies, on server data only (no clock of n8n's).
 *
 * `GET /deliveries/{id}/companies?delivered_since=S` lists deliveries oldest first. A delivery may
 * become visible a little after its `delivered_at`, so the end of the list still changes; the part
 * older than the server's time (its `Date` header) minus SETTLE_MS no longer does. Hence:
 *
 *   query Q(since):  [ handled, stable ][ settled, unread ][ recent: may still change ]
 *                                       ^ offset (the cursor)          ^ ahead (read-ahead)
 *
 * - The cursor moves only over settled records, by offset; their positions never change, so it
 *   resumes exactly where the last poll stopped, however many records share one instant.
 * - Records past the cursor are emitted at once and their keys kept in `handled` (bounded); the
 *   cursor skips them when it passes. Invariant: a record was emitted (or existed at activation)
 *   iff it is behind the cursor or in `handled`. When `handled` is full, the rest waits until it
 *   settles and the cursor reaches it.
 * - When the cursor passes from one instant to a later one with a millisecond free between them,
 *   the query moves up (`since` just after the earlier one, offsets reduced), so it stays short.
 */
import type { IDataObject } from 'n8n-workflow';

import type { InvalidRecord, WalkLimits } from './records';
import { cursorDataError, idOf } from './records';

/** How long after its `delivered_at` a delivery may still appear in the list (server time). */
export const SETTLE_MS = 10 * 60_000;
/** Most records kept in `handled`. */
export const MAX_HANDLED = 5_000;

export interface DeliveryQuery {
	/** `delivered_since` (ISO); absent: the whole list. */
	since?: string;
	offset: number;
	limit?: number;
}

export interface DeliveryPage {
	items: IDataObject[];
	hasMore: boolean;
	total?: number;
	/** The server's time when it answered (its `Date` header), in ms. */
	serverTime?: number;
}

export type ReadDeliveries = (query: DeliveryQuery) => Promise<DeliveryPage>;

export interface DeliveriesState {
	v: 2;
	prospectSearchId: string;
	since?: string;
	/** Records of Q(since) handled: a prefix of the list that no longer changes. */
	offset: number;
	/** `delivered_at` (ms) of the last record the cursor passed, when readable. */
	at?: number;
	/** Offset up to which Q(since) has been read ahead of the cursor. */
	ahead: number;
	/** `companyId@delivered_at` → delivered_at (ms) of records handled ahead of the cursor. */
	handled: Array<[string, number | null]>;
	/** The latest server time known (ms). */
	serverTime?: number;
	/** Set when activation found more recent records than `handled` holds: those up to it existed. */
	existingThrough?: number;
}

export interface DeliveryEvent {
	/** `companyId@delivered_at`, stable across polls. */
	key: string;
	company: IDataObject;
	deliveredAt?: string;
}

export interface DeliveryOptions extends WalkLimits {
	settleMs?: number;
	maxHandled?: number;
	invalid?: InvalidRecord;
}

export interface DeliveryWalkResult {
	events: DeliveryEvent[];
	state: DeliveriesState;
	/** False when the page budget stopped the poll before the end of the list. */
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
	/** `delivered_at` in ms, when readable. */
	ms?: number;
	event: DeliveryEvent;
}

export function readDelivery(record: IDataObject, invalid: InvalidRecord): Delivery {
	const deliveredAt = deliveredAtOf(record);
	const key = `${idOf(record, 'company', invalid)}@${deliveredAt ?? ''}`;
	const parsed = deliveredAt === undefined ? Number.NaN : Date.parse(deliveredAt);
	return {
		key,
		ms: Number.isFinite(parsed) ? parsed : undefined,
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

export const iso = (ms: number) => new Date(ms).toISOString();

/** One poll's walk: the cursor, the read-ahead and what they found. */
export class DeliveryWalk {
	readonly events: DeliveryEvent[] = [];
	readonly state: DeliveriesState;
	private readonly handled: Map<string, number | null>;
	private cursorMoving = true;
	/** `handled` is full: nothing more can be emitted ahead of the cursor in this poll. */
	full = false;
	/** The largest `delivered_at` read (ms). */
	newest = Number.NEGATIVE_INFINITY;

	constructor(
		state: DeliveriesState,
		private readonly options: Required<Omit<DeliveryOptions, 'mayRead'>>,
		/** Activation: records read are not events, only remembered as existing. */
		private readonly baseline = false,
	) {
		this.state = { ...state };
		this.handled = new Map(state.handled);
	}

	/** Takes the page read at `offset`; returns the offset to read next. */
	accept(offset: number, page: DeliveryPage): number {
		const deliveries = page.items.map((record) => readDelivery(record, this.options.invalid));
		for (const { ms } of deliveries) if (ms !== undefined) this.newest = Math.max(this.newest, ms);
		// Without a Date header, the newest delivery read is a lower bound of the server's time.
		const now =
			page.serverTime ?? (this.newest > Number.NEGATIVE_INFINITY ? this.newest : undefined);
		if (now !== undefined) this.state.serverTime = Math.max(this.state.serverTime ?? now, now);
		let next = offset;
		for (const delivery of deliveries) {
			if (this.cursorMoving && next === this.state.offset && this.settled(delivery)) {
				next = this.pass(delivery, next);
				continue;
			}
			this.cursorMoving = false;
			this.readAhead(delivery);
			if (this.full) break;
			next++;
		}
		this.state.ahead = Math.max(this.state.ahead, next);
		return this.cursorMoving ? next : this.state.ahead;
	}

	private settled(delivery: Delivery): boolean {
		if (delivery.ms === undefined) return true; // cannot be placed by time: its position counts
		const now = this.state.serverTime;
		return now !== undefined && delivery.ms < now - this.options.settleMs;
	}

	private isEvent(delivery: Delivery): boolean {
		if (this.baseline) return false;
		const through = this.state.existingThrough;
		return through === undefined || (delivery.ms !== undefined && delivery.ms > through);
	}

	/** The cursor passes the record at `index`; returns the index after it (maybe rebased). */
	private pass(delivery: Delivery, index: number): number {
		const state = this.state;
		if (!this.handled.delete(delivery.key) && this.isEvent(delivery)) {
			this.events.push(delivery.event);
		}
		const through = state.existingThrough;
		if (through !== undefined && delivery.ms !== undefined && delivery.ms > through) {
			delete state.existingThrough;
		}
		const previous = state.at;
		state.at = delivery.ms;
		state.offset = index + 1;
		if (previous === undefined || delivery.ms === undefined || delivery.ms < previous + 2) {
			return index + 1;
		}
		// Nothing lies between the two records (the list is stable here), and no record can have
		// exactly `previous + 1`, so whether delivered_since is inclusive does not matter:
		// Q(previous + 1) starts at this record.
		state.since = iso(previous + 1);
		state.offset = 1;
		state.ahead = Math.max(1, state.ahead - index);
		for (const [key, at] of this.handled)
			if (at !== null && at <= previous) this.handled.delete(key);
		return 1;
	}

	private readAhead(delivery: Delivery): void {
		if (this.handled.has(delivery.key)) return;
		if (!this.baseline && !this.isEvent(delivery)) return;
		if (this.handled.size >= this.options.maxHandled) {
			this.full = true;
			return;
		}
		this.handled.set(delivery.key, delivery.ms ?? null);
		if (!this.baseline) this.events.push(delivery.event);
	}

	result(complete: boolean): DeliveryWalkResult {
		return { events: this.events, complete, state: { ...this.state, handled: [...this.handled] } };
	}
}

export function walkOptions(options: DeliveryOptions): Required<Omit<DeliveryOptions, 'mayRead'>> {
	return {
		settleMs: options.settleMs ?? SETTLE_MS,
		maxHandled: options.maxHandled ?? MAX_HANDLED,
		invalid: options.invalid ?? cursorDataError,
	};
}

export async function runWalk(
	walk: DeliveryWalk,
	read: ReadDeliveries,
	mayRead: WalkLimits['mayRead'],
): Promise<DeliveryWalkResult> {
	let offset = walk.state.offset;
	for (let pages = 0; ; pages++) {
		if (pages > 0 && !mayRead(pages)) return walk.result(false);
		const page = await read({ since: walk.state.since, offset });
		offset = walk.accept(offset, page);
		if (walk.full || !page.hasMore || page.items.length === 0) return walk.result(true);
	}
}

/** One poll: the cursor and the read-ahead, within the page budget. */
export async function advanceDeliveries(
	state: DeliveriesState,
	read: ReadDeliveries,
	options: DeliveryOptions,
): Promise<DeliveryWalkResult> {
	return await runWalk(new DeliveryWalk(state, walkOptions(options)), read, options.mayRead);
}
