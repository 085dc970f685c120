import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../../helpers/params';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { returnAllOrLimit, queryOptions } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllOrLimit, queryOptions];

const displayOptions = { show: { resource: ['blacklist'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/blacklists: one item per blacklist. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = readReturnLimit(this, itemIndex);
	const blacklists = await apiRequestAllItems.call(this, {
		path: '/api/v1/blacklists',
		qs: readAdditionalQuery(this, itemIndex),
		limit,
		itemIndex,
	});
	return toItems(blacklists);
}
