import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, readAdditionalQuery, toItems } from '../../helpers/params';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequest, apiRequestAllItems } from '../../transport';
import { readPage } from '../../transport/pagination';
import { returnAllOrLimit, queryOptions } from '../common.descriptions';
import { companyLocator, companyPath, readCompanyId } from './shared';

const properties: INodeProperties[] = [...companyLocator, ...returnAllOrLimit, queryOptions];

const displayOptions = { show: { resource: ['company'], operation: ['getJobs'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /api/v1/companies/{company_id}/jobs. The response shape is undocumented: it may be a list
 * envelope (then one item per job) or a plain object (then passed through as one item). So the
 * first request sends no paging parameters and accepts either. Only when that answer says more jobs
 * exist than it holds (`has_more`, or a larger `total`) and the user wants them is the list read
 * again through the shared offset pagination; that costs one repeated page, but keeps a single
 * pagination implementation.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const companyId = readCompanyId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const qs = readAdditionalQuery(this, itemIndex);
	const path = companyPath(companyId, '/jobs');

	const body = await apiRequest.call(this, { method: 'GET', path, qs, itemIndex });
	const page = readPage(body);
	if (page === undefined) return toItems(asRecord(body));

	const truncated =
		page.hasMore === true || (page.total !== undefined && page.total > page.items.length);
	const wantsMore = limit === undefined || limit > page.items.length;
	const jobs =
		truncated && wantsMore
			? await apiRequestAllItems.call(this, { path, qs, limit, itemIndex })
			: page.items.slice(0, limit);
	return toItems(jobs);
}
