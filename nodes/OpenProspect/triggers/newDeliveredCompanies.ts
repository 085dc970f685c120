/**
 * New Delivered Companies: one item per company delivered for a prospect search.
 *
 * `GET /api/v1/deliveries/{id}/companies?delivered_since=…` lists deliveries oldest first. The
 * checkpoint is the newest `delivered_at` handled; each poll asks from five minutes before it
 * (the docs do not say whether `delivered_since` is inclusive, and late commits happen) and skips
 * what it has seen, by company id and delivery time. See helpers/triggerCursor.ts.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { prospectSearchRLC } from '../actions/common.descriptions';
import { deliveredCompaniesPath } from '../actions/delivery/shared';
import { simplifyCompany } from '../helpers/simplify';
import type { DeliveryEvent } from '../helpers/triggerCursor';
import { advanceDeliveries, deliveryEventOf, readDeliveriesState } from '../helpers/triggerCursor';
import { isUuid } from '../helpers/validation';
import { PAGE_SIZE } from '../transport/pagination';
import { pollLimits } from './limits';
import {
	invalidRecord,
	listPages,
	pollOutput,
	readFirstRunLimit,
	readListPage,
	readSimplify,
	triggerState,
} from './shared';

const EVENT = 'delivery.company';

const properties: INodeProperties[] = [
	{
		...prospectSearchRLC,
		description:
			'The prospect search whose newly delivered companies fire the trigger (a UUID). Choose it from the list, paste its app URL, or enter its ID.',
	},
];

export const description = updateDisplayOptions(
	{ show: { event: ['newDeliveredCompanies'] } },
	properties,
);

function readProspectSearchId(context: IPollFunctions): string {
	const raw = context.getNodeParameter('prospectSearchId', '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (value === '' || !isUuid(value)) {
		throw new NodeOperationError(
			context.getNode(),
			value === ''
				? 'Prospect Search: is empty'
				: `Prospect Search: "${value}" is not a valid UUID`,
			{
				description:
					'Choose a prospect search from the list, paste its app URL (https://app.openprospect.io/searches/<uuid>), or enter its ID.',
			},
		);
	}
	return value;
}

/**
 * The newest `count` deliveries of the whole history, oldest first. The list is oldest first, so
 * this reads `total` from a one-record page and then the tail; without `total` it pages to the end.
 */
async function readNewest(this: IPollFunctions, path: string, count: number) {
	const first = await readListPage.call(this, path, {}, 0, 1);
	if (!first.hasMore) return first.items;
	const offset = first.total !== undefined ? Math.max(0, first.total - count) : 0;
	let tail: IDataObject[] = [];
	for await (const page of listPages.call(this, path, offset)) {
		tail = [...tail, ...page.items].slice(-count);
	}
	return tail;
}

function eventJson(event: DeliveryEvent, prospectSearchId: string, simplify: boolean) {
	const company = simplify
		? { ...simplifyCompany(event.company), delivered_at: event.deliveredAt ?? null }
		: event.company;
	return {
		event: EVENT,
		event_id: `delivery:${event.key}`,
		prospect_search_id: prospectSearchId,
		...company,
	};
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const prospectSearchId = readProspectSearchId(this);
	const simplify = readSimplify(this);
	const path = deliveredCompaniesPath(prospectSearchId);

	if (this.getMode() === 'manual') {
		const [latest] = await readNewest.call(this, path, 1);
		if (!latest) {
			throw new NodeOperationError(this.getNode(), 'No company has been delivered yet', {
				description: `Fetch Test Event shows the newest company delivered for prospect search ${prospectSearchId}. None has been delivered so far: try again once OpenProspect delivers the first company. Once the workflow is active, the trigger fires for every company delivered from then on.`,
			});
		}
		const event = deliveryEventOf(latest, invalidRecord(this));
		return pollOutput([eventJson(event, prospectSearchId, simplify)]);
	}

	const limits = pollLimits(this);
	const data = triggerState(this);
	const state = readDeliveriesState(data.deliveries, prospectSearchId);
	const firstRunLimit = state ? 0 : readFirstRunLimit(this);
	const existing = firstRunLimit > 0 ? await readNewest.call(this, path, firstRunLimit) : undefined;
	const result = await advanceDeliveries(
		state,
		({ offset, deliveredSince }) =>
			readListPage.call(this, path, { delivered_since: deliveredSince }, offset, PAGE_SIZE),
		{
			prospectSearchId,
			now: Date.now(),
			existing,
			mayRead: limits.mayRead,
			invalid: invalidRecord(this),
		},
	);
	if (!result.complete) {
		this.logger.warn(
			'OpenProspect Trigger: not every delivered company was read within this poll; the next poll continues',
		);
	}
	// Only now, with every page read, the new state replaces the old one.
	data.deliveries = result.state as unknown as IDataObject;
	return pollOutput(result.events.map((event) => eventJson(event, prospectSearchId, simplify)));
}
