import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../../helpers/params';
import { simplifyCompany } from '../../helpers/simplify';
import { invalidParameter, readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	prospectSearchRLC,
	returnAllOrLimit,
	simplifyField,
	queryOptions,
} from '../common.descriptions';
import { readProspectSearchId } from '../shared/prospectSearch';

const REVIEW_STATUSES = ['accepted', 'pending', 'rejected'];

const properties: INodeProperties[] = [
	{
		...prospectSearchRLC,
		description:
			'The prospect search whose companies to list (a UUID). Choose it from the list, paste its app URL, or enter its ID.',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Min Match Score',
				name: 'minMatchScore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 1 },
				default: 0,
				description: 'Only companies whose match score (0 to 10, e.g. 7.5) is at least this value',
			},
			{
				displayName: 'Review Status',
				name: 'reviewStatus',
				type: 'multiOptions',
				options: [
					{ name: 'Accepted', value: 'accepted' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Rejected', value: 'rejected' },
				],
				default: [],
				description:
					'Only companies with one of these review statuses. One status is sent as review_status, several as review_status_list.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Berlin',
				description: 'Free text matched against company name, city, business type and contacts',
			},
		],
	},
	simplifyField,
	queryOptions,
];

const displayOptions = { show: { resource: ['company'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readMinMatchScore(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const raw = context.getNodeParameter('filters.minMatchScore', itemIndex, '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return undefined;
	const score = Number(raw);
	if (!Number.isFinite(score) || score < 0 || score > 10) {
		throw invalidParameter(
			context,
			itemIndex,
			'Min Match Score',
			`must be a number from 0 to 10, got ${String(raw)}`,
		);
	}
	return score;
}

/** Accepts the multi-select's array, or a comma-separated string from an expression or AI agent. */
function readReviewStatuses(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('filters.reviewStatus', itemIndex, []) as unknown;
	const values = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((value) => String(value).trim().toLowerCase())
		.filter((value) => value !== '');
	const unknown = values.find((value) => !REVIEW_STATUSES.includes(value));
	if (unknown !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Review Status',
			`"${unknown}" is not one of ${REVIEW_STATUSES.join(', ')}`,
		);
	}
	return [...new Set(values)];
}

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const minMatchScore = readMinMatchScore(context, itemIndex);
	if (minMatchScore !== undefined) qs.min_match_score = minMatchScore;
	const statuses = readReviewStatuses(context, itemIndex);
	// review_status is the long-documented single filter; the list form is only used when needed.
	if (statuses.length === 1) qs.review_status = statuses[0];
	if (statuses.length > 1) qs.review_status_list = statuses;
	const search = String(context.getNodeParameter('filters.search', itemIndex, '') ?? '').trim();
	if (search !== '') qs.search = search;
	return qs;
}

/** GET /api/v1/companies?prospect_search_id=…: the companies of a prospect search. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const qs = {
		...readAdditionalQuery(this, itemIndex),
		...readFilters(this, itemIndex),
		prospect_search_id: prospectSearchId,
	};
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const companies = await apiRequestAllItems.call(this, {
		path: '/api/v1/companies',
		qs,
		limit,
		itemIndex,
	});
	return toItems(simplify ? companies.map(simplifyCompany) : companies);
}
