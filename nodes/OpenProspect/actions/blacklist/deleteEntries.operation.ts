import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, deletedItems, readIdList } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { blacklistRLC } from '../common.descriptions';
import { blacklistPath, readBlacklistId } from './shared';

const properties: INodeProperties[] = [
	blacklistRLC,
	{
		displayName: 'Entry IDs',
		name: 'entryIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1c2d3e4f-0000-4000-8000-000000000001, 1c2d3e4f-0000-4000-8000-000000000002',
		description:
			'IDs of the entries to remove (the ID field of each entry from Get Entries): a comma-separated list, or an expression that returns an array of IDs',
	},
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['deleteEntries'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DELETE /api/v1/blacklists/{blacklist_id}/entries with the IDs in the JSON body. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const blacklistId = readBlacklistId(this, itemIndex);
	const entryIds = readIdList(this, itemIndex, 'entryIds', 'Entry IDs');
	if (entryIds.length === 0) {
		throw invalidParameter(
			this,
			itemIndex,
			'Entry IDs',
			'is empty',
			'Enter the IDs of the entries to remove; Get Entries lists them.',
		);
	}
	const response = asRecord(
		await apiRequest.call(this, {
			method: 'DELETE',
			path: blacklistPath(blacklistId, '/entries'),
			body: { entry_ids: entryIds },
			itemIndex,
		}),
	);
	// The API may answer with a count in `deleted`; `deleted: true` is this node's delete contract.
	const { deleted, ...rest } = response;
	return deletedItems(typeof deleted === 'number' ? { ...rest, deleted_count: deleted } : rest);
}
