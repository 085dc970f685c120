import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as apiKey from './apiKey';
import * as blacklist from './blacklist';
import * as company from './company';
import * as delivery from './delivery';
import type { OpenProspectType } from './node.type';
import type { OperationModule } from './operation';
import { errorItem } from './operation';
import * as order from './order';
import * as prospect from './prospect';
import * as prospectSearch from './prospectSearch';
import * as searchProfile from './searchProfile';

export const resources: Record<
	OpenProspectType['resource'],
	{ operations: Record<string, OperationModule> }
> = {
	apiKey,
	blacklist,
	company,
	delivery,
	order,
	prospect,
	prospectSearch,
	searchProfile,
};

function withItemIndex(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** Pairs every output item to `itemIndex` unless the operation already paired it more precisely. */
function pairTo(items: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return items.map((item) =>
		item.pairedItem === undefined ? { ...item, pairedItem: { item: itemIndex } } : item,
	);
}

/**
 * Runs the chosen operation for every input item. This is the one place that handles pairing and
 * continue-on-fail: a failed item becomes an error item paired to its input (and nothing is thrown
 * afterwards), otherwise the error stops the node with the item index attached.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as OpenProspectType['resource'];
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (module === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	if (module.executeBatch) {
		try {
			const batch = await module.executeBatch.call(this, items);
			if (batch !== undefined) return [batch];
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex.call(this, error, 0);
			return [items.map((_, itemIndex) => errorItem(error as Error, { item: itemIndex }))];
		}
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...pairTo(await module.execute.call(this, itemIndex), itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error as Error, { item: itemIndex }));
				continue;
			}
			throw withItemIndex.call(this, error, itemIndex);
		}
	}
	return [output];
}
