import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalQuery, toItems } from '../helpers/params';
import { readReturnLimit } from '../helpers/validation';
import { apiRequestAllItems } from '../transport';
import {
	additionalQueryParameters,
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
		optionsCollection([config.queryParameters ?? additionalQueryParameters]),
	];
	const displayOptions = { show: { resource: [config.resource], operation: ['getAll'] } };

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const limit = readReturnLimit(this, itemIndex);
		const qs = readAdditionalQuery(this, itemIndex);
		return toItems(
			await apiRequestAllItems.call(this, { path: config.path, qs, limit, itemIndex }),
		);
	}

	return { description: updateDisplayOptions(displayOptions, properties), execute };
}
