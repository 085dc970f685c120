/**
 * The cursor of Order Finished. `GET /api/v1/orders` lists orders newest first by `created_at`,
 * unfiltered; a poll reads it from the top. No clock: it compares `created_at` values and ids.
 *
 *   newest ─ new (above the horizon) ─────── read: finished → event, unfinished → pending
 *            horizon: newest handled (+ ids tied at it)
 *            band: handled earlier ──────────── skipped; a counted band may be jumped over
 *            gap: left by a poll that stopped ─ read like "new"      (band, gap, … repeat)
 *   oldest ─ handled
 *
 * Pending (unfinished) orders are followed wherever they lie, and are events once finished. A
 * poll ends past the horizon, every gap and every pending order, or when the budget stops it: the
 * unread rest then becomes a gap, under a band of the counted records it read. A jump lands just
 * above a band's bottom and checks that it landed inside the band, else it steps back.
 */
import type {
	OrderEvent,
	OrderGap,
	OrdersState,
	OrderWalkOptions,
	OrderWalkResult,
	PendingOrder,
	Mark,
	Order,
	Region,
} from './orderState';
import {
	eventOf,
	extendMark,
	holds,
	isTerminal,
	MAX_EMITTED_KEYS,
	MAX_PENDING_ORDERS,
	readOrder,
} from './orderState';
import type { InvalidRecord, ListPage, WalkLimits } from './records';
import { cursorDataError } from './records';

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

	/** The offset of the page to read next; undefined: the walk is complete. Then call `finish()`. */
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
		const following = [...this.pending.values()].sort((a, b) => b.at - a.at);
		const pending = following.slice(0, maxPending);
		const emitted = [...(this.state?.emitted ?? []), ...events.map((event) => event.key)];
		return {
			events,
			complete,
			dropped: following.slice(maxPending),
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
		if (position.kind === 'new')
			return [{ above: this.low, below: this.horizon, band: this.covered }, ...stored];
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
