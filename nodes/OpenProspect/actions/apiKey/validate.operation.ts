import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['apiKey'], operation: ['validate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/auth/validate: whether the key is active, and its scopes. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = await apiRequest.call(this, {
		method: 'GET',
		path: '/api/v1/auth/validate',
		itemIndex,
	});
	return toItems(asRecord(body));
}
