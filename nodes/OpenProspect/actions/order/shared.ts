import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import { firstText, recordId } from '../shared/records';

export const ORDERS_PATH = '/api/v1/orders';
export { TERMINAL_ORDER_STATUSES } from '../../helpers/statuses';
export const ORDER_TRIGGER_HINT = 'use the OpenProspect Trigger (Order Finished) for long jobs';

export function orderPath(orderId: string, suffix = ''): string {
	return `${ORDERS_PATH}/${encodeURIComponent(orderId)}${suffix}`;
}

export function readOrderId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'orderId', 'Order');
}

const FAILURE_HINTS: Record<string, string> = {
	REJECTED:
		'OpenProspect did not approve the order in its review. Read the reason, adjust the order and create a new one.',
	FAILED: 'The order could not be fulfilled. Contact OpenProspect support with the order ID.',
	CANCELLED: 'The order was cancelled before it completed.',
};

/** The error for an order that ended REJECTED, FAILED or CANCELLED: its status and reason. */
export function orderFailedError(
	context: IExecuteFunctions,
	order: IDataObject,
	itemIndex: number,
): NodeApiError {
	const id = recordId(order, 'order_id') ?? 'unknown';
	const status = String(order.status ?? '').toUpperCase();
	const reason = firstText(order, ['status_message', 'message', 'rejection_reason', 'reason']);
	const message = `Order ${id} ended ${status}${reason ? `: ${reason}` : ''}`;
	const description = [
		FAILURE_HINTS[status],
		`Order ID: ${id}`,
		`Status: ${status}`,
		reason ? `Reason: ${reason}` : 'OpenProspect gave no reason.',
	]
		.filter(Boolean)
		.join('\n');
	// Only these plain fields go in: NodeApiError would read the order's `status` as an HTTP code.
	const response: JsonObject = {
		message,
		order_id: id,
		order_status: status,
		reason: reason ?? null,
	};
	return new NodeApiError(context.getNode(), response, { message, description, itemIndex });
}

/**
 * Whether an order record is what a create with `body` would have made: each field the record
 * shows (profile, type, quantity, number of companies) agrees with the request.
 */
export function orderMatchesBody(body: IDataObject): (order: IDataObject) => boolean {
	const companies = Array.isArray(body.companies) ? body.companies.length : undefined;
	const expected: IDataObject = {
		profile_id: body.profile_id,
		order_type: companies === undefined ? 'DISCOVERY' : 'ENRICHMENT',
		briefing_quantity: body.briefing_quantity,
		company_count: companies,
	};
	return (order) =>
		Object.entries(expected).every(([field, value]) => {
			const shown = order[field];
			if (value === undefined || shown === undefined) return true;
			if (field === 'order_type') return String(shown).toUpperCase() === value;
			return shown === value;
		});
}
