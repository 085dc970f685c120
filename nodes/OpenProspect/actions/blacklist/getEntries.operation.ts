import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { csvBinary } from '../../helpers/csv';
import { readAdditionalQuery, toItems } from '../../helpers/params';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	blacklistRLC,
	neutraliseFormulasField,
	returnAllOrLimit,
	queryOptions,
} from '../common.descriptions';
import { ENTRY_FIELDS } from './entries';
import { blacklistPath, readBlacklistId } from './shared';

const properties: INodeProperties[] = [
	blacklistRLC,
	...returnAllOrLimit,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'CSV File',
				value: 'csvFile',
				description: 'One item with all entries as a CSV file in a binary field',
			},
			{
				name: 'One Item per Entry',
				value: 'items',
				description: 'Each entry as its own item',
			},
		],
		default: 'items',
		description: 'How to return the entries',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		description: 'The name of the output binary field to put the CSV file in',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the CSV file in',
		displayOptions: { show: { output: ['csvFile'] } },
	},
	neutraliseFormulasField({ output: ['csvFile'] }),
	queryOptions,
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['getEntries'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /api/v1/blacklists/{blacklist_id}/entries: as items, or as one CSV file. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const blacklistId = readBlacklistId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const entries = await apiRequestAllItems.call(this, {
		path: blacklistPath(blacklistId, '/entries'),
		qs: readAdditionalQuery(this, itemIndex),
		limit,
		itemIndex,
	});
	if (this.getNodeParameter('output', itemIndex, 'items') !== 'csvFile') return toItems(entries);

	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	// An empty blacklist still gets a header row, so the file has the usual columns.
	const columns = entries.length === 0 ? ENTRY_FIELDS.map((field) => field.key) : undefined;
	const file = await csvBinary(
		this,
		itemIndex,
		entries,
		`blacklist-${blacklistId}-entries.csv`,
		columns,
	);
	return [
		{
			json: { blacklist_id: blacklistId, entry_count: entries.length },
			binary: { [property]: file },
		},
	];
}
