/**
 * New Delivered Companies: one item per company delivered for a prospect search, from
 * `GET /api/v1/deliveries/{id}/companies` (oldest first). The cursor (deliveryCursor.ts) works on
 * the server's data only: `delivered_at`, and the server's time from its `Date` header.
 */
import type { INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { prospectSearchRLC } from '../actions/common.descriptions';
import { deliveredCompaniesPath } from '../actions/delivery/shared';
import { readProspectSearchId } from '../actions/shared/prospectSearch';
import { simplifyCompany } from '../helpers/simplify';
import type { ParameterContext } from '../helpers/validation';
import type { DeliveryEvent, ReadDeliveries } from './deliveryCursor';
import { advanceDeliveries, deliveryEventOf } from './deliveryCursor';
import { newestDeliveries, readDeliveriesState, startDeliveries } from './deliveryState';
import type { PollLimits } from './limits';
import { pollLimits } from './limits';
import {
	invalidRecord,
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

/** The trigger's parameters through the reader the actions use (one item: 0). */
function parameters(context: IPollFunctions): ParameterContext {
	return {
		getNode: () => context.getNode(),
		getNodeParameter: (name, _itemIndex, fallback, options) =>
			context.getNodeParameter(name, fallback, options),
	};
}

function reader(context: IPollFunctions, prospectSearchId: string): ReadDeliveries {
	const path = deliveredCompaniesPath(prospectSearchId);
	return async ({ since, offset, limit }) =>
		await readListPage.call(
			context,
			path,
			since === undefined ? {} : { delivered_since: since },
			offset,
			limit,
		);
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

/** Fetch Test Event: the newest delivered company. The state is not touched. */
async function testEvent(this: IPollFunctions, prospectSearchId: string, limits: PollLimits) {
	const newest = await newestDeliveries(reader(this, prospectSearchId), 1, limits.mayRead);
	const latest = newest.items[newest.items.length - 1];
	if (!latest) {
		throw new NodeOperationError(this.getNode(), 'No company has been delivered yet', {
			description: `Fetch Test Event shows the newest company delivered for prospect search ${prospectSearchId}. None has been delivered so far: try again once OpenProspect delivers the first company. Once the workflow is active, the trigger fires for every company delivered from then on.`,
		});
	}
	return deliveryEventOf(latest, invalidRecord(this));
}

/** Activation: stores where to start; emits the newest existing deliveries only when asked. */
async function activate(this: IPollFunctions, prospectSearchId: string, limits: PollLimits) {
	const firstRunLimit = readFirstRunLimit(this);
	const read = reader(this, prospectSearchId);
	const newest = await newestDeliveries(read, Math.max(1, firstRunLimit), limits.mayRead);
	const options = { mayRead: limits.mayRead, invalid: invalidRecord(this) };
	const state = await startDeliveries(prospectSearchId, newest, read, options);
	const existing = firstRunLimit > 0 ? newest.items : [];
	return { state, events: existing.map((record) => deliveryEventOf(record, options.invalid)) };
}

export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const prospectSearchId = readProspectSearchId(parameters(this), 0);
	const simplify = readSimplify(this);
	const limits = pollLimits(this);
	const output = (events: DeliveryEvent[]) =>
		pollOutput(events.map((event) => eventJson(event, prospectSearchId, simplify)));
	if (this.getMode() === 'manual') {
		return output([await testEvent.call(this, prospectSearchId, limits)]);
	}
	const data = triggerState(this);
	const state = readDeliveriesState(data.deliveries, prospectSearchId);
	if (!state) {
		const started = await activate.call(this, prospectSearchId, limits);
		data.deliveries = started.state;
		return output(started.events);
	}
	const result = await advanceDeliveries(state, reader(this, prospectSearchId), {
		mayRead: limits.mayRead,
		invalid: invalidRecord(this),
	});
	if (!result.complete) {
		this.logger.warn(
			'OpenProspect Trigger: not every delivered company was read within this poll; the next poll continues',
		);
	}
	// Only now, with every page read, the new state replaces the old one.
	data.deliveries = result.state;
	return output(result.events);
}
