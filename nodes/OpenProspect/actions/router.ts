import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, runWholeInput } from './itemRunner';
import { findOperation } from './registry';

/** Runs the chosen operation: once per input item, or once for the whole input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = findOperation(resource, operation);
	if (found === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	if ('executeAll' in found) return [await runWholeInput(this, found, items)];
	return [await runPerItem(this, found.execute, items.length)];
}
