import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deletedItems } from '../../helpers/params';
import { apiRequest } from '../../transport';
import { blacklistRLC } from '../common.descriptions';
import { blacklistPath, readBlacklistId } from './shared';

const properties: INodeProperties[] = [
	{
		...blacklistRLC,
		description:
			'The blacklist to delete, with all its entries. Prospect searches it was assigned to no longer exclude its companies.',
	},
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['deleteBlacklist'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DELETE /api/v1/blacklists/{blacklist_id}. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const blacklistId = readBlacklistId(this, itemIndex);
	await apiRequest.call(this, { method: 'DELETE', path: blacklistPath(blacklistId), itemIndex });
	return deletedItems({ id: blacklistId });
}
