import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { readId } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { creationPath } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Profile Creation ID',
		name: 'profileCreationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
		description:
			'The ID returned by Search Profile > Create, not the profile_id of the finished profile',
	},
];

const displayOptions = { show: { resource: ['searchProfile'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /api/v1/search-profile-creations/{id}: the creation's status (PENDING, RUNNING, SUCCEEDED or
 * FAILED) and, once SUCCEEDED, the profile_id to order with.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const creationId = readId(this, itemIndex, 'profileCreationId', 'Profile Creation ID');
	const body = await apiRequest.call(this, {
		method: 'GET',
		path: creationPath(creationId),
		itemIndex,
	});
	return toItems(asRecord(body));
}
