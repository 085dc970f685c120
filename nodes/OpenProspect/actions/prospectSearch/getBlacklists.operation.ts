import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../../helpers/params';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { prospectSearchRLC, returnAllOrLimit } from '../common.descriptions';
import { prospectSearchPath, readProspectSearchId } from '../shared/prospectSearch';

const properties: INodeProperties[] = [prospectSearchRLC, ...returnAllOrLimit];

const displayOptions = { show: { resource: ['prospectSearch'], operation: ['getBlacklists'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/prospect-searches/{prospect_search_id}/blacklists: one item per assigned blacklist. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const blacklists = await apiRequestAllItems.call(this, {
		path: prospectSearchPath(prospectSearchId, '/blacklists'),
		limit,
		itemIndex,
	});
	return toItems(blacklists);
}
