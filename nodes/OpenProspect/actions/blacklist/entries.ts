import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readCsvBinary } from '../../helpers/csv';
import { cellText, columnKey, hasNameOrWebsite } from '../../helpers/orderRows';
import { invalidParameter } from '../../helpers/validation';

/** The entry fields the API matches on (parameter name → body key), in the docs' order. */
export const ENTRY_FIELDS = [
	{ name: 'companyName', key: 'company_name' },
	{ name: 'websiteUrl', key: 'website_url' },
	{ name: 'externalId', key: 'external_id' },
	{ name: 'city', key: 'city' },
];

const ENTRY_KEYS = new Set(ENTRY_FIELDS.map((field) => field.key));

function readMappedEntry(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const entry: IDataObject = {};
	for (const field of ENTRY_FIELDS) {
		const value = cellText(context.getNodeParameter(field.name, itemIndex, ''));
		if (value !== '') entry[field.key] = value;
	}
	if (!hasNameOrWebsite(entry)) {
		throw invalidParameter(
			context,
			itemIndex,
			'Company Name / Website URL',
			'both are empty; every entry needs a company name or a website URL',
			'Map Company Name or Website URL to a field of the input items, e.g. {{ $json.website }}, or remove the items that have neither.',
		);
	}
	return entry;
}

async function readCsvEntries(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const rows = await readCsvBinary(context, itemIndex, property);
	if (rows.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Input Binary Field',
			`the CSV file in "${property}" has no data rows`,
		);
	}
	return rows.map((row, index) => {
		const entry: IDataObject = {};
		for (const [header, value] of Object.entries(row)) {
			const key = columnKey(header);
			if (ENTRY_KEYS.has(key) && cellText(value) !== '') entry[key] = cellText(value);
		}
		if (!hasNameOrWebsite(entry)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Input Binary Field',
				`data row ${index + 1} of the CSV file has neither company_name nor website_url`,
				`Every row needs a company_name or a website_url column value. Columns found: ${Object.keys(row).join(', ') || '(none)'}.`,
			);
		}
		return entry;
	});
}

/** The entries one input item contributes: one from its mapped fields, or every row of its CSV file. */
export async function readItemEntries(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const source = context.getNodeParameter('source', itemIndex, 'fields') as string;
	if (source === 'csvFile') return await readCsvEntries(context, itemIndex);
	return [readMappedEntry(context, itemIndex)];
}
