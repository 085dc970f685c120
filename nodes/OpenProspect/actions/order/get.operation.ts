import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { apiRequest } from '../../transport';
import { orderRLC } from '../common.descriptions';
import { orderPath, readOrderId } from './shared';

const properties: INodeProperties[] = [orderRLC];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/orders/{order_id}: the order and its status. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = readOrderId(this, itemIndex);
	const body = await apiRequest.call(this, { method: 'GET', path: orderPath(orderId), itemIndex });
	return toItems(asRecord(body));
}
