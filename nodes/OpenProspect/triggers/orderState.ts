/**
 * The state and records of the Order Finished cursor: what a poll stores (plain JSON, in the
 * workflow's node static data), how an order of the list is read, and the checks on stored state.
 */
import type { IDataObject } from 'n8n-workflow';

import { TERMINAL_ORDER_STATUSES } from '../helpers/statuses';
import type { InvalidRecord } from './records';
import { idOf } from './records';

/** Statuses after which an order no longer changes. */
const TERMINAL = new Set(TERMINAL_ORDER_STATUSES);

export const MAX_PENDING_ORDERS = 5_000;
export const MAX_EMITTED_KEYS = 1_000;

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
	/** Unfinished orders no longer followed (the oldest beyond `maxPending`): the node warns. */
	dropped: PendingOrder[];
}

export interface Order {
	id: string;
	status: string;
	at: number;
	record: IDataObject;
}

export type Region =
	| { kind: 'new' }
	| { kind: 'gap'; index: number }
	| { kind: 'band'; index: number };

export function readOrder(record: IDataObject, invalid: InvalidRecord): Order {
	const id = idOf(record, 'order', invalid);
	const created = record.created_at ?? record.createdAt;
	const at = typeof created === 'string' ? Date.parse(created) : Number.NaN;
	if (!Number.isFinite(at)) {
		throw invalid(`Order ${id} has no readable created_at (got ${String(created)})`);
	}
	const status = typeof record.status === 'string' ? record.status.toUpperCase() : '';
	return { id, status, at, record };
}

export function isTerminal(status: string): boolean {
	return TERMINAL.has(status);
}

export function holds(mark: Mark, order: Order): boolean {
	return order.at === mark.at && mark.ids.includes(order.id);
}

export function eventOf(order: Order): OrderEvent {
	const key = `${order.id}:${order.status}`;
	return { key, id: order.id, status: order.status, at: order.at, order: order.record };
}

export function extendMark(mark: Mark | undefined, order: Order): Mark {
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
