import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { tryToParseDateTime, updateDisplayOptions } from 'n8n-workflow';

import { csvBinary } from '../../helpers/csv';
import { isObject } from '../../helpers/json';
import { readAdditionalQuery, readCsvOutputField, toItems } from '../../helpers/params';
import { simplifyCompany, simplifyProspect } from '../../helpers/simplify';
import { invalidParameter, readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	csvFileOutput,
	prospectSearchRLC,
	returnAllOrLimit,
	simplifyField,
	queryOptions,
} from '../common.descriptions';
import { readProspectSearchId } from '../shared/prospectSearch';
import { deliveredCompaniesPath } from './shared';

const properties: INodeProperties[] = [
	{
		...prospectSearchRLC,
		description:
			'The prospect search whose delivered companies to read (a UUID). Choose it from the list, paste its app URL, or enter its ID.',
	},
	{
		displayName: 'Delivered Since',
		name: 'deliveredSince',
		type: 'dateTime',
		default: '',
		description:
			'Only companies delivered after this time (sent as ISO 8601 in UTC). Leave empty for every delivered company. For an incremental sync, pass the time of the last successful run.',
	},
	...returnAllOrLimit,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		description:
			'Whether each output item is a company (with its prospects embedded) or a single prospect (with its company ID and name)',
		options: [
			{
				name: 'One Item per Company',
				value: 'company',
				description: 'Each delivered company, with its prospects embedded',
			},
			{
				name: 'One Item per Prospect',
				value: 'prospect',
				description:
					'Each embedded prospect, with company_id and company_name added; companies without prospects produce nothing. Limit still counts companies.',
			},
		],
		default: 'company',
	},
	simplifyField,
	...csvFileOutput(
		'Whether to return one item holding a CSV file (one row per company or prospect, as chosen in Output) instead of one item per record',
	),
	queryOptions,
];

const displayOptions = { show: { resource: ['delivery'], operation: ['getAllCompanies'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The optional Delivered Since as ISO 8601 UTC; a time without zone is read in the workflow's zone. */
function readDeliveredSince(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = context.getNodeParameter('deliveredSince', itemIndex, '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return undefined;
	try {
		return tryToParseDateTime(raw, context.getTimezone()).toUTC().toISO() ?? undefined;
	} catch {
		throw invalidParameter(
			context,
			itemIndex,
			'Delivered Since',
			`"${String(raw)}" is not a date and time`,
			'Use ISO 8601, e.g. 2025-01-31T08:00:00Z, or pick a date.',
		);
	}
}

/** Flattens each company's embedded `prospects`, tagging every prospect with its company. */
function prospectRows(companies: IDataObject[], simplify: boolean): IDataObject[] {
	return companies.flatMap((company) => {
		const prospects = Array.isArray(company.prospects) ? company.prospects.filter(isObject) : [];
		return prospects.map((prospect) => ({
			...(simplify ? simplifyProspect(prospect) : prospect),
			company_id: company.id,
			company_name: company.name,
		}));
	});
}

function outputRows(companies: IDataObject[], perProspect: boolean, simplify: boolean) {
	if (perProspect) return prospectRows(companies, simplify);
	return simplify ? companies.map(simplifyCompany) : companies;
}

/**
 * GET /api/v1/deliveries/{prospect_search_id}/companies: the companies delivered for a prospect
 * search, each with embedded prospects; as items (per company or per prospect) or as one CSV file.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const deliveredSince = readDeliveredSince(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const qs: IDataObject = readAdditionalQuery(this, itemIndex);
	if (deliveredSince !== undefined) qs.delivered_since = deliveredSince;
	const perProspect = this.getNodeParameter('output', itemIndex, 'company') === 'prospect';
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const csvField = readCsvOutputField(this, itemIndex);

	const companies = await apiRequestAllItems.call(this, {
		path: deliveredCompaniesPath(prospectSearchId),
		qs,
		limit,
		itemIndex,
	});
	const rows = outputRows(companies, perProspect, simplify);
	if (csvField === undefined) return toItems(rows);

	const fileName = `openprospect-delivery-${prospectSearchId}.csv`;
	const json: IDataObject = {
		prospect_search_id: prospectSearchId,
		rows: rows.length,
		file_name: fileName,
	};
	if (deliveredSince !== undefined) json.delivered_since = deliveredSince;
	return [{ json, binary: { [csvField]: await csvBinary(this, itemIndex, rows, fileName) } }];
}
