import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, readIdList, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { prospectSearchRLC } from '../common.descriptions';
import { prospectSearchPath, readProspectSearchId } from '../shared/prospectSearch';

const properties: INodeProperties[] = [
	{
		displayName:
			'This REPLACES the whole set of blacklists of the prospect search: blacklists not listed here are unassigned. To add one, list the current ones (Get Blacklists) plus the new one.',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	prospectSearchRLC,
	{
		displayName: 'Clear All',
		name: 'clearAll',
		type: 'boolean',
		default: false,
		description:
			'Whether to remove every blacklist from the prospect search (sends an empty list). Leave off to set the blacklists given in Blacklist IDs.',
	},
	{
		displayName: 'Blacklist IDs',
		name: 'blacklistIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c, 1a2b3c4d-0000-4000-8000-000000000000',
		description:
			'The complete new set of blacklists for the prospect search: a comma-separated list of blacklist IDs, or an expression that returns an array of IDs. It replaces the current set; blacklists not listed are unassigned.',
		displayOptions: { show: { clearAll: [false] } },
	},
];

const displayOptions = { show: { resource: ['prospectSearch'], operation: ['setBlacklists'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readBlacklistIds(context: IExecuteFunctions, itemIndex: number): string[] {
	if (context.getNodeParameter('clearAll', itemIndex, false) as boolean) return [];
	const ids = readIdList(context, itemIndex, 'blacklistIds', 'Blacklist IDs');
	if (ids.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Blacklist IDs',
			'is empty',
			'An empty list would remove every blacklist from the prospect search. Turn on Clear All if that is what you want.',
		);
	}
	return ids;
}

/** PUT /api/v1/prospect-searches/{prospect_search_id}/blacklists: replaces the whole set. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const blacklistIds = readBlacklistIds(this, itemIndex);
	const response = asRecord(
		await apiRequest.call(this, {
			method: 'PUT',
			path: prospectSearchPath(prospectSearchId, '/blacklists'),
			body: { blacklist_ids: blacklistIds },
			itemIndex,
		}),
	);
	// A body-less answer (204) still tells the next node what was set.
	const fallback = { prospect_search_id: prospectSearchId, blacklist_ids: blacklistIds };
	return toItems(Object.keys(response).length > 0 ? response : fallback);
}
