import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { csvBinary } from '../../helpers/csv';
import { readAdditionalQuery, readCsvOutputField, toItems } from '../../helpers/params';
import { simplifyCompany } from '../../helpers/simplify';
import { readReturnLimit } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	csvFileOutput,
	orderRLC,
	queryOptions,
	returnAllOrLimit,
	simplifyField,
} from '../common.descriptions';
import { orderPath, readOrderId } from './shared';

const properties: INodeProperties[] = [
	{
		...orderRLC,
		description:
			'The order whose companies to get. Results exist once the order is COMPLETED. Choose it from the list or enter its ID.',
	},
	...returnAllOrLimit,
	simplifyField,
	...csvFileOutput(
		'Whether to return one item holding a CSV file (one row per company) instead of JSON items. Create Order (Companies From: CSV File) reads such a file back.',
	),
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
	queryOptions,
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
	const csvField = readCsvOutputField(this, itemIndex);

	const results = await apiRequestAllItems.call(this, {
		path: orderPath(orderId, '/results'),
		qs,
		limit,
		itemIndex,
	});
	const rows = simplify ? results.map(simplifyCompany) : results;
	if (csvField !== undefined) {
		const fileName = `openprospect-order-${orderId}.csv`;
		const json: IDataObject = { order_id: orderId, rows: rows.length, file_name: fileName };
		return [{ json, binary: { [csvField]: await csvBinary(this, itemIndex, rows, fileName) } }];
	}
	if (this.getNodeParameter('output', itemIndex, 'perCompany') === 'oneItem') {
		return toItems({ order_id: orderId, count: rows.length, results: rows });
	}
	return toItems(rows);
}
