import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { apiRequest } from '../../transport';
import { blacklistRLC } from '../common.descriptions';
import { blacklistPath, readBlacklistId } from './shared';

const properties: INodeProperties[] = [blacklistRLC];

const displayOptions = { show: { resource: ['blacklist'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/blacklists/{blacklist_id}. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const blacklistId = readBlacklistId(this, itemIndex);
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: blacklistPath(blacklistId),
		itemIndex,
	});
	return toItems(asRecord(response));
}
