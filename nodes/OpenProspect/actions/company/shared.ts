import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, readAdditionalQuery, toItems } from '../../helpers/params';
import { simplifyCompany } from '../../helpers/simplify';
import { readId } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { companyRLC, prospectSearchRLC, queryOptions, simplifyField } from '../common.descriptions';
import type { ItemOperation } from '../operation';

/**
 * Only feeds the Company list (`searchCompanies` reads it); the single-company endpoints take the
 * company ID alone, so this is optional here and never sent.
 */
const listProspectSearch: INodeProperties = {
	...prospectSearchRLC,
	required: false,
	description:
		'Only used to fill the Company list below; not sent to OpenProspect. Leave empty when you enter the company ID directly.',
};

/** The parameters every single-company operation starts with. */
export const companyLocator: INodeProperties[] = [listProspectSearch, companyRLC];

export function readCompanyId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'companyId', 'Company', { uuid: true });
}

export function companyPath(companyId: string, suffix = ''): string {
	return `/api/v1/companies/${encodeURIComponent(companyId)}${suffix}`;
}

/**
 * An operation that GETs one company record or one of its sub-resources (`suffix`) and passes the
 * body through as one item; `simplify` adds the Simplify switch (for the company record itself).
 */
export function companyRecordOperation(options: {
	operation: string;
	suffix: string;
	simplify?: boolean;
}): ItemOperation {
	const properties = [
		...companyLocator,
		...(options.simplify ? [simplifyField] : []),
		queryOptions,
	];
	const displayOptions = { show: { resource: ['company'], operation: [options.operation] } };

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const companyId = readCompanyId(this, itemIndex);
		const qs = readAdditionalQuery(this, itemIndex);
		const simplify =
			options.simplify === true && (this.getNodeParameter('simplify', itemIndex, true) as boolean);
		const body = asRecord(
			await apiRequest.call(this, {
				method: 'GET',
				path: companyPath(companyId, options.suffix),
				qs,
				itemIndex,
			}),
		);
		return toItems(simplify ? simplifyCompany(body) : body);
	}

	return { description: updateDisplayOptions(displayOptions, properties), execute };
}
