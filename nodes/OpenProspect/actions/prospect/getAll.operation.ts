import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../../helpers/params';
import { simplifyProspect } from '../../helpers/simplify';
import { invalidParameter, isUuid, readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { returnAllOrLimit, simplifyField, queryOptions } from '../common.descriptions';

/** Filter parameter → query parameter; both filters take UUIDs. */
const FILTERS = [
	{ name: 'companyId', displayName: 'Company ID', query: 'company_id' },
	{ name: 'prospectSearchId', displayName: 'Prospect Search ID', query: 'prospect_search_id' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 7f3e8c90-1234-5678-9abc-def012345678',
				description:
					'Only prospects of this company (a UUID, sent as company_id). Not in the public API docs; if OpenProspect ignores it, all prospects are returned.',
			},
			{
				displayName: 'Prospect Search ID',
				name: 'prospectSearchId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 550e8400-e29b-41d4-a716-446655440000',
				description:
					'Only prospects found by this prospect search (a UUID, sent as prospect_search_id). Not in the public API docs; if OpenProspect ignores it, all prospects are returned.',
			},
		],
	},
	simplifyField,
	queryOptions,
];

const displayOptions = { show: { resource: ['prospect'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const filter of FILTERS) {
		const raw = context.getNodeParameter(`filters.${filter.name}`, itemIndex, '') as unknown;
		const value = String(raw ?? '').trim();
		if (value === '') continue;
		if (!isUuid(value)) {
			throw invalidParameter(
				context,
				itemIndex,
				`Filters > ${filter.displayName}`,
				`"${value}" is not a valid UUID`,
				'OpenProspect IDs of this kind look like 550e8400-e29b-41d4-a716-446655440000.',
			);
		}
		qs[filter.query] = value;
	}
	return qs;
}

/** GET /api/v1/prospects: the prospects (contact persons) the key can see. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = readReturnLimit(this, itemIndex);
	const qs = { ...readAdditionalQuery(this, itemIndex), ...readFilters(this, itemIndex) };
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const prospects = await apiRequestAllItems.call(this, {
		path: '/api/v1/prospects',
		qs,
		limit,
		itemIndex,
	});
	return toItems(simplify ? prospects.map(simplifyProspect) : prospects);
}
