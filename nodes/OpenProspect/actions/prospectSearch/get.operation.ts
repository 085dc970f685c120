import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { apiRequest } from '../../transport';
import { prospectSearchRLC } from '../common.descriptions';
import { prospectSearchPath, readProspectSearchId } from '../shared/prospectSearch';

const properties: INodeProperties[] = [prospectSearchRLC];

const displayOptions = { show: { resource: ['prospectSearch'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/prospect-searches/{prospect_search_id}: the search, including its `version`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: prospectSearchPath(prospectSearchId),
		itemIndex,
	});
	return toItems(asRecord(response));
}
