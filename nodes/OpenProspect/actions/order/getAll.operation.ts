import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../../helpers/params';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { additionalQueryParameters, returnAllOrLimit } from '../common.descriptions';
import { ORDERS_PATH } from './shared';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				...additionalQueryParameters,
				description:
					'Extra query parameters sent as they are, for filters the API docs do not list, e.g. status = COMPLETED',
			},
		],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/orders: the organization's orders (the list comes under `orders`). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = readReturnLimit(this, itemIndex);
	const qs = readAdditionalQuery(this, itemIndex);
	return toItems(await apiRequestAllItems.call(this, { path: ORDERS_PATH, qs, limit, itemIndex }));
}
