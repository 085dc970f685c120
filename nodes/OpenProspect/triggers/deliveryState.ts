/**
 * Where the New Delivered Companies cursor starts: the stored state (validated, and migrated from
 * the first version, a time window and the keys seen in it), or on activation from the list itself.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DeliveriesState, DeliveryOptions, ReadDeliveries } from './deliveryCursor';
import { DeliveryWalk, iso, readDelivery, runWalk, walkOptions } from './deliveryCursor';
import type { WalkLimits } from './records';

/** What version 1 stored: the window to ask from next, and the keys (→ ms) read inside it. */
interface DeliveriesStateV1 {
	v: 1;
	prospectSearchId: string;
	since: number;
	windowStart: number;
	seen: Array<[string, number]>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

const isEntry = (value: unknown): value is [string, number | null] =>
	Array.isArray(value) &&
	value.length === 2 &&
	typeof value[0] === 'string' &&
	(value[1] === null || isNumber(value[1]));

function isV2(state: Record<string, unknown>): state is DeliveriesState & Record<string, unknown> {
	return (
		state.v === 2 &&
		(state.since === undefined || typeof state.since === 'string') &&
		isNumber(state.offset) &&
		isNumber(state.ahead) &&
		(state.at === undefined || isNumber(state.at)) &&
		(state.serverTime === undefined || isNumber(state.serverTime)) &&
		(state.existingThrough === undefined || isNumber(state.existingThrough)) &&
		Array.isArray(state.handled) &&
		state.handled.every(isEntry)
	);
}

function isV1(
	state: Record<string, unknown>,
): state is DeliveriesStateV1 & Record<string, unknown> {
	return (
		state.v === 1 &&
		isNumber(state.since) &&
		isNumber(state.windowStart) &&
		Array.isArray(state.seen) &&
		state.seen.every(isEntry)
	);
}

/**
 * Version 1 asked for `delivered_since = windowStart` and skipped the keys it had seen there; the
 * same query with those keys as handled continues exactly where it stood.
 */
function migrate(state: DeliveriesStateV1): DeliveriesState {
	return {
		v: 2,
		prospectSearchId: state.prospectSearchId,
		since: new Date(state.windowStart).toISOString(),
		offset: 0,
		ahead: 0,
		handled: state.seen.filter(([, at]) => at >= state.windowStart),
	};
}

/** The stored state when it belongs to this prospect search, else undefined (a new baseline). */
export function readDeliveriesState(
	value: unknown,
	prospectSearchId: string,
): DeliveriesState | undefined {
	if (!isObject(value) || value.prospectSearchId !== prospectSearchId) return undefined;
	if (isV2(value)) return value;
	if (isV1(value)) return migrate(value);
	return undefined;
}

export interface NewestDeliveries {
	/** The newest records, oldest first. */
	items: IDataObject[];
	/** Whether they are really the newest (the list was read to its end). */
	complete: boolean;
	serverTime?: number;
}

/**
 * The newest `count` deliveries of the whole list: through `total` when the API gives it (two
 * requests for one record), else by paging to the end within the page budget.
 */
export async function newestDeliveries(
	read: ReadDeliveries,
	count: number,
	mayRead: WalkLimits['mayRead'],
): Promise<NewestDeliveries> {
	const first = await read({ offset: 0, limit: 1 });
	if (!first.hasMore) return { items: first.items, complete: true, serverTime: first.serverTime };
	let offset = first.total !== undefined ? Math.max(0, first.total - count) : 0;
	let tail: IDataObject[] = [];
	let serverTime = first.serverTime;
	for (let pages = 1; mayRead(pages); pages++) {
		const page = await read({ offset });
		serverTime = page.serverTime ?? serverTime;
		tail = tail.concat(page.items).slice(-count);
		offset += page.items.length;
		if (!page.hasMore || page.items.length === 0)
			return { items: tail, complete: true, serverTime };
	}
	return { items: tail, complete: false, serverTime };
}

/**
 * Activation. Everything visible now is existing, not an event. The cursor starts SETTLE_MS before
 * the newest delivery (or the server's time, if earlier); what lies after that is read now and
 * remembered in `handled`. Only if that is more than `handled` holds (or than one poll reads), the
 * rest is marked existing by time: `existingThrough`, the newest delivered_at read.
 */
export async function startDeliveries(
	prospectSearchId: string,
	newest: NewestDeliveries,
	read: ReadDeliveries,
	options: DeliveryOptions,
): Promise<DeliveriesState> {
	const resolved = walkOptions(options);
	const state: DeliveriesState = { v: 2, prospectSearchId, offset: 0, ahead: 0, handled: [] };
	if (newest.serverTime !== undefined) state.serverTime = newest.serverTime;
	const last = newest.items[newest.items.length - 1];
	if (last === undefined) return state; // an empty list: every delivery from now on is new
	const newestMs = newest.complete ? readDelivery(last, resolved.invalid).ms : undefined;
	const anchor = Math.min(newestMs ?? Infinity, newest.serverTime ?? Infinity);
	if (Number.isFinite(anchor)) state.since = iso(anchor - resolved.settleMs);
	const walk = new DeliveryWalk(state, resolved, true);
	const result = await runWalk(walk, read, options.mayRead);
	const through = Math.max(walk.newest, newestMs ?? Number.NEGATIVE_INFINITY);
	if ((!result.complete || walk.full) && Number.isFinite(through)) {
		result.state.existingThrough = through;
	}
	return result.state;
}
