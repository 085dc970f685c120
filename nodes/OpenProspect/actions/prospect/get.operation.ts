import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, readAdditionalQuery, toItems } from '../../helpers/params';
import { simplifyProspect } from '../../helpers/simplify';
import { readId } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { prospectRLC, simplifyField, queryOptions } from '../common.descriptions';

const properties: INodeProperties[] = [prospectRLC, simplifyField, queryOptions];

const displayOptions = { show: { resource: ['prospect'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/prospects/{prospect_id}. Prospect IDs are opaque strings (e.g. ps_abc123), not UUIDs. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectId = readId(this, itemIndex, 'prospectId', 'Prospect');
	const qs = readAdditionalQuery(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const body = asRecord(
		await apiRequest.call(this, {
			method: 'GET',
			path: `/api/v1/prospects/${encodeURIComponent(prospectId)}`,
			qs,
			itemIndex,
		}),
	);
	return toItems(simplify ? simplifyProspect(body) : body);
}
