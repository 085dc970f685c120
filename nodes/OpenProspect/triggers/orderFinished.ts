/**
 * Order Finished: fires once for each order that reaches one of the chosen final statuses.
 *
 * `GET /api/v1/orders` has no documented filter and no update time, only `created_at`, newest
 * first. So each poll reads the list from the top until it has passed the newest order handled
 * before (the horizon) and has met every order it is following (`pending`: orders seen unfinished).
 * Orders above the horizon are new: finished ones are events, unfinished ones are followed; a
 * followed order that has finished is an event. When nothing changed and every followed order is
 * among the newest 100, a poll costs one request. A poll stopped by the page cap or n8n's time
 * budget keeps what it did not read as a gap for the next poll. See orderCursor.ts.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { ORDERS_PATH, orderPath } from '../actions/order/shared';
import { simplifyCompany } from '../helpers/simplify';
import { TERMINAL_ORDER_STATUSES } from '../helpers/statuses';
import { apiRequestAllItems, readPages } from '../transport';
import { PAGE_SIZE } from '../transport/pagination';
import type { PollLimits } from './limits';
import { MAX_PAGES_PER_POLL, pollLimits } from './limits';
import { advanceOrders } from './orderCursor';
import type { OrderEvent, OrdersState, PendingOrder } from './orderState';
import { deferOrderEvents, MAX_PENDING_ORDERS, readOrdersState } from './orderState';
import {
	invalidRecord,
	pollOutput,
	readFirstRunLimit,
	readListPage,
	readSimplify,
	triggerState,
} from './shared';

const EVENT = 'order.finished';

type IncludeResults = 'none' | 'perCompany' | 'perOrder';

const properties: INodeProperties[] = [
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Cancelled', value: 'CANCELLED' },
			{ name: 'Completed', value: 'COMPLETED' },
			{ name: 'Failed', value: 'FAILED' },
			{ name: 'Rejected', value: 'REJECTED' },
		],
		default: ['COMPLETED'],
		description:
			'The final statuses that fire the trigger. Each order fires once, when it reaches one of them.',
	},
	{
		displayName: 'Include Results',
		name: 'includeResults',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Only the order' },
			{
				name: 'One Item per Company',
				value: 'perCompany',
				description:
					'Each company of a completed order as its own item, with order_id and order_status. An order without companies (e.g. a failed one) gives one item with only those fields.',
			},
			{
				name: 'One Item per Order',
				value: 'perOrder',
				description: 'The order, with its companies in a "results" field',
			},
		],
		default: 'none',
		description:
			'Which companies of completed orders to fetch as well (one extra request per 100 companies)',
	},
];

export const description = updateDisplayOptions({ show: { event: ['orderFinished'] } }, properties);

const ORDER_FIELDS = [
	'id',
	'status',
	'order_type',
	'title',
	'briefing_quantity',
	'profile_id',
	'created_at',
	'updated_at',
	'completed_at',
	'message',
];

/** At most ten flat fields of an order. */
function simplifyOrder(order: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of ORDER_FIELDS) {
		const value = order[field];
		if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
			simple[field] = value;
		}
	}
	return simple;
}

function readStatuses(context: IPollFunctions): string[] {
	const statuses = (context.getNodeParameter('statuses', ['COMPLETED']) as string[]).map((status) =>
		status.toUpperCase(),
	);
	if (statuses.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Statuses: choose at least one status', {
			description: `The trigger fires when an order reaches one of: ${TERMINAL_ORDER_STATUSES.join(', ')}.`,
		});
	}
	return statuses;
}

interface OutputOptions {
	includeResults: IncludeResults;
	simplify: boolean;
}

async function fetchResults(this: IPollFunctions, event: OrderEvent): Promise<IDataObject[]> {
	if (event.status !== 'COMPLETED') return []; // only completed orders have results
	return await apiRequestAllItems.call(this, {
		path: orderPath(event.id, '/results'),
	});
}

function eventItems(event: OrderEvent, results: IDataObject[], options: OutputOptions) {
	const header = { event: EVENT, event_id: `order:${event.key}` };
	const order = options.simplify ? simplifyOrder(event.order) : event.order;
	const companies = options.simplify ? results.map(simplifyCompany) : results;
	if (options.includeResults === 'none') return [{ ...header, ...order }];
	if (options.includeResults === 'perOrder') return [{ ...header, ...order, results: companies }];
	const orderFields = { order_id: event.id, order_status: event.status };
	if (companies.length === 0) return [{ ...header, ...orderFields }];
	return companies.map((company, index) => ({
		...header,
		event_id: `order:${event.key}:company:${String(company.id ?? index)}`,
		...orderFields,
		...company,
	}));
}

/**
 * The items for `events`, fetching results where asked. Events whose results would not fit in the
 * poll's time budget are returned as `deferred` (at least one event is always done).
 */
async function buildItems(
	this: IPollFunctions,
	events: OrderEvent[],
	options: OutputOptions,
	limits?: PollLimits,
): Promise<{ items: IDataObject[]; deferred: OrderEvent[] }> {
	const items: IDataObject[] = [];
	for (let index = 0; index < events.length; index++) {
		const event = events[index];
		if (options.includeResults !== 'none' && index > 0 && limits && !limits.hasTime()) {
			return { items, deferred: events.slice(index) };
		}
		const results = options.includeResults === 'none' ? [] : await fetchResults.call(this, event);
		// One push per item: spreading a completed order's companies into push() overflows the stack.
		for (const item of eventItems(event, results, options)) items.push(item);
	}
	return { items, deferred: [] };
}

/** Fetch Test Event: the newest order in one of the chosen statuses. The state is not touched. */
async function latestEvent(this: IPollFunctions, statuses: string[]): Promise<OrderEvent> {
	let pages = 0;
	for await (const page of readPages.call(this, { path: ORDERS_PATH })) {
		if (++pages > MAX_PAGES_PER_POLL) break;
		for (const order of page.items) {
			const status = typeof order.status === 'string' ? order.status.toUpperCase() : '';
			if (!statuses.includes(status)) continue;
			const id = String(order.id);
			return { key: `${id}:${status}`, id, status, at: 0, order };
		}
	}
	throw new NodeOperationError(this.getNode(), 'No order has one of the chosen statuses yet', {
		description: `Fetch Test Event shows the newest order whose status is one of: ${statuses.join(', ')}. Wait until an order finishes in OpenProspect, or choose more statuses, then fetch again. Once the workflow is active, the trigger fires for every order that finishes from then on.`,
	});
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const statuses = readStatuses(this);
	const options: OutputOptions = {
		includeResults: this.getNodeParameter('includeResults', 'none') as IncludeResults,
		simplify: readSimplify(this),
	};
	if (this.getMode() === 'manual') {
		const event = await latestEvent.call(this, statuses);
		return pollOutput((await buildItems.call(this, [event], options)).items);
	}

	const limits = pollLimits(this);
	const data = triggerState(this);
	const state = readOrdersState(data.orders);
	const firstRunLimit = state ? 0 : readFirstRunLimit(this);
	const result = await advanceOrders(
		state,
		(offset) => readListPage.call(this, ORDERS_PATH, {}, offset),
		{
			statuses,
			pageSize: PAGE_SIZE,
			firstRunLimit,
			mayRead: limits.mayRead,
			invalid: invalidRecord(this),
		},
	);
	if (!result.complete) {
		this.logger.warn(
			'OpenProspect Trigger: the order list was not read to the end within this poll; the next poll continues',
		);
	}
	warnDropped(this, result.dropped);
	const { items, deferred } = await buildItems.call(this, result.events, options, limits);
	// Only now, with everything read and built, the new state replaces the old one.
	const next: OrdersState =
		deferred.length > 0 ? deferOrderEvents(result.state, deferred) : result.state;
	data.orders = next;
	return pollOutput(items);
}

/** An unfinished order no longer followed is never dropped silently: each one is named. */
function warnDropped(context: IPollFunctions, dropped: PendingOrder[]): void {
	if (dropped.length === 0) return;
	const ids = dropped.map((order) => order.id);
	context.logger.warn(
		`OpenProspect Trigger: following more than ${MAX_PENDING_ORDERS} unfinished orders; ${ids.length} older ones are no longer followed and will not fire when they finish: ${ids.join(', ')}`,
	);
}
