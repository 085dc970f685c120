/**
 * The `companies` of an enrichment order, read from the node's parameters and checked before
 * anything is sent: mapped fields of every input item, a JSON array, or a CSV file.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readCsvBinary } from '../../helpers/csv';
import {
	compactRow,
	companyCountProblem,
	externalIdFor,
	firstIncompleteRow,
	hasNameOrWebsite,
	toCompanyRow,
} from '../../helpers/orderRows';
import { isObject } from '../../helpers/json';
import { readBinaryPropertyName, readJsonParameter } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';

/** Mapped parameter → body key of an enrichment row built from an input item. */
const MAPPED_FIELDS = [
	{ name: 'companyName', key: 'company_name' },
	{ name: 'websiteUrl', key: 'website_url' },
	{ name: 'city', key: 'city' },
	{ name: 'country', key: 'country' },
];

function checkCount(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	count: number,
): void {
	const problem = companyCountProblem(count);
	if (problem) {
		throw invalidParameter(
			context,
			itemIndex,
			parameter,
			problem,
			'Split larger lists into several orders, e.g. with a Loop Over Items node.',
		);
	}
}

export interface MappedCompanies {
	companies: IDataObject[];
	/** The external_id sent for each input item, by item index (for pairing the results back). */
	externalIds: string[];
}

/** Source "Input Items": one row per input item, from the mapped fields. */
export function readMappedCompanies(
	context: IExecuteFunctions,
	itemCount: number,
): MappedCompanies {
	checkCount(context, 0, 'Input Items', itemCount);
	const companies: IDataObject[] = [];
	const firstItemWith = new Map<string, number>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const values: IDataObject = {};
		for (const field of MAPPED_FIELDS) {
			values[field.key] = context.getNodeParameter(
				field.name,
				itemIndex,
				'',
			) as IDataObject[string];
		}
		const row = compactRow(values);
		if (!hasNameOrWebsite(row)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Company Name / Website URL',
				`both are empty for input item ${itemIndex}; every company needs a name or a website`,
				'Map Company Name or Website URL to a field of the input items (e.g. {{ $json.website }}), or remove the items that have neither.',
			);
		}
		row.external_id = externalIdFor(
			context.getNodeParameter('externalId', itemIndex, ''),
			itemIndex,
		);
		const earlier = firstItemWith.get(String(row.external_id));
		if (earlier !== undefined) {
			throw invalidParameter(
				context,
				itemIndex,
				'External ID',
				`"${String(row.external_id)}" is also the External ID of input item ${earlier}`,
				'Results are paired back to input items by External ID, so each item needs its own. Map a field that is unique per item (e.g. your CRM ID), or leave External ID empty to use the item index.',
			);
		}
		firstItemWith.set(String(row.external_id), itemIndex);
		companies.push(row);
	}
	return { companies, externalIds: companies.map((row) => String(row.external_id)) };
}

function checkRows(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	rows: IDataObject[],
	rowName: (index: number) => string,
): IDataObject[] {
	checkCount(context, itemIndex, parameter, rows.length);
	const incomplete = firstIncompleteRow(rows);
	if (incomplete >= 0) {
		throw invalidParameter(
			context,
			itemIndex,
			parameter,
			`${rowName(incomplete)} has neither company_name nor website_url`,
			'Every company needs a company_name or a website_url.',
		);
	}
	return rows;
}

/** Source "JSON": an array of companies (text, or an array given by an expression or AI agent). */
function readJsonCompanies(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const parameter = 'Companies (JSON)';
	const value = readJsonParameter(context, itemIndex, 'companiesJson', parameter);
	const list = isObject(value) && Array.isArray(value.companies) ? value.companies : value;
	if (!Array.isArray(list)) {
		throw invalidParameter(
			context,
			itemIndex,
			parameter,
			'must be a JSON array of companies',
			'e.g. [{"company_name": "Acme GmbH", "website_url": "https://acme.com", "external_id": "CRM-1001"}]',
		);
	}
	const rows = list.map((entry: unknown, index) => {
		if (!isObject(entry)) {
			throw invalidParameter(
				context,
				itemIndex,
				parameter,
				`company ${index + 1} is not an object`,
			);
		}
		return toCompanyRow(entry);
	});
	return checkRows(context, itemIndex, parameter, rows, (index) => `company ${index + 1}`);
}

/** Source "CSV File": every data row of the CSV file in the item's binary field. */
async function readCsvCompanies(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const property = readBinaryPropertyName(context, itemIndex, 'Input Binary Field');
	const rows = (await readCsvBinary(context, itemIndex, property)).map(toCompanyRow);
	return checkRows(
		context,
		itemIndex,
		'Input Binary Field',
		rows,
		(index) => `data row ${index + 1} of the CSV file`,
	);
}

/** The companies of one input item's order (sources JSON and CSV File). */
export async function readItemCompanies(
	context: IExecuteFunctions,
	itemIndex: number,
	source: string,
): Promise<IDataObject[]> {
	if (source === 'csvFile') return await readCsvCompanies(context, itemIndex);
	return readJsonCompanies(context, itemIndex);
}
