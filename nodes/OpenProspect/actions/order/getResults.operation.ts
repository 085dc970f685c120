import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { csvBinary } from '../../helpers/csv';
import { readAdditionalQuery, toItems } from '../../helpers/params';
import { simplifyCompany } from '../../helpers/simplify';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	additionalQueryParameters,
	orderRLC,
	returnAllOrLimit,
	simplifyField,
} from '../common.descriptions';
import { orderPath, readBinaryPropertyName, readOrderId } from './shared';

const properties: INodeProperties[] = [
	{
		...orderRLC,
		description:
			'The order whose companies to get. Results exist once the order is COMPLETED. Choose it from the list or enter its ID.',
	},
	...returnAllOrLimit,
	simplifyField,
	{
		displayName: 'Output as CSV File',
		name: 'csvBinary',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one item holding a CSV file (one row per company) instead of JSON items. Create Order (Companies From: CSV File) reads such a file back.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the CSV file in',
		displayOptions: { show: { csvBinary: [true] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		description: 'One item per company, or one item holding all companies in a results array',
		options: [
			{
				name: 'All Companies in One Item',
				value: 'oneItem',
				description: 'One item with order_id, count and the companies in a "results" list',
			},
			{
				name: 'One Item per Company',
				value: 'perCompany',
				description: 'Each company of the order as its own item',
			},
		],
		default: 'perCompany',
		displayOptions: { show: { csvBinary: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [additionalQueryParameters],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getResults'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /api/v1/orders/{order_id}/results: the companies of a completed order, as items or as one
 * CSV file. An order that is not COMPLETED yet answers 409 ORDER_NOT_COMPLETED.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = readOrderId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex);
	const qs = readAdditionalQuery(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const asCsv = this.getNodeParameter('csvBinary', itemIndex, false) as boolean;
	const binaryPropertyName = asCsv
		? readBinaryPropertyName(this, itemIndex, 'Put Output File in Field')
		: '';

	const results = await apiRequestAllItems.call(this, {
		path: orderPath(orderId, '/results'),
		qs,
		limit,
		itemIndex,
	});
	const rows = simplify ? results.map(simplifyCompany) : results;
	if (asCsv) {
		const fileName = `openprospect-order-${orderId}.csv`;
		const json: IDataObject = { order_id: orderId, rows: rows.length, file_name: fileName };
		return [{ json, binary: { [binaryPropertyName]: await csvBinary(this, rows, fileName) } }];
	}
	if (this.getNodeParameter('output', itemIndex, 'perCompany') === 'oneItem') {
		return toItems({ order_id: orderId, count: rows.length, results: rows });
	}
	return toItems(rows);
}
