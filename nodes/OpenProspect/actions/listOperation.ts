import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../helpers/params';
import { invalidParameter, readReturnLimit } from '../helpers/validation';
import { apiRequestAllItems, DEFAULT_MAX_CONCURRENCY } from '../transport';
import {
	additionalQueryParameters,
	maxConcurrentRequests,
	optionsCollection,
	returnAllOrLimit,
} from './common.descriptions';
import type { ItemOperation } from './operation';

/**
 * The Get Many operation of a top-level list (`path`): Return All / Limit and Options > Additional
 * Query Parameters (`queryParameters` may describe it for this list); one item per record.
 */
export function listOperation(config: {
	resource: string;
	path: string;
	queryParameters?: INodeProperties;
}): ItemOperation {
	const properties = [
		...returnAllOrLimit,
		optionsCollection([config.queryParameters ?? additionalQueryParameters, maxConcurrentRequests]),
	];
	const displayOptions = { show: { resource: [config.resource], operation: ['getAll'] } };

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const limit = readReturnLimit(this, itemIndex);
		const qs = readAdditionalQuery(this, itemIndex);
		const concurrency = readMaxConcurrency(this, itemIndex);
		return toItems(
			await apiRequestAllItems.call(this, { path: config.path, qs, limit, itemIndex, concurrency }),
		);
	}

	return { description: updateDisplayOptions(displayOptions, properties), execute };
}

/** Options > Max Concurrent Requests: a whole number from 1 to 16. */
function readMaxConcurrency(context: IExecuteFunctions, itemIndex: number): number {
	const value = context.getNodeParameter(
		'options.maxConcurrentRequests',
		itemIndex,
		DEFAULT_MAX_CONCURRENCY,
	) as unknown;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 16) return value;
	throw invalidParameter(
		context,
		itemIndex,
		'Max Concurrent Requests',
		`must be a whole number from 1 to 16, got ${JSON.stringify(value)}`,
	);
}
