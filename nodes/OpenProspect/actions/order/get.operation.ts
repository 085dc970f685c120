import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { simplifyOrder } from '../../helpers/simplify';
import { apiRequest } from '../../transport';
import { orderRLC, simplifyField } from '../common.descriptions';
import { orderPath, readOrderId } from './shared';

const properties: INodeProperties[] = [orderRLC, simplifyField];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/orders/{order_id}: the order and its status, optionally simplified. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = readOrderId(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const body = await apiRequest.call(this, { method: 'GET', path: orderPath(orderId), itemIndex });
	return toItems(simplify ? simplifyOrder(asRecord(body)) : asRecord(body));
}
