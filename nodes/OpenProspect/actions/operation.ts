import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';

import type { Job, JobResult } from './shared/wait';

/**
 * A job an item started (an order, a search profile creation) that the router waits for together
 * with the jobs of the other items; `finish` turns its end into the item's output.
 */
export interface PendingJob {
	job: Job;
	finish: (result: JobResult) => Promise<INodeExecutionData[]>;
}

/** What a per-item operation returns for its item: the output, or a job to wait for first. */
export type ItemOutput = INodeExecutionData[] | PendingJob;

/**
 * Runs once per input item; the router pairs the output to that item and applies Continue On
 * Fail to it.
 */
export interface ItemOperation {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>;
}

/**
 * Runs once for the whole input (e.g. one request carrying the data of all items). It pairs its
 * output items itself; when it sends several requests it applies Continue On Fail per request
 * with `errorItem`, so what was already sent is not reported as failed. One that needs state
 * across items (e.g. the records already created) may run its items through `runPerItem`.
 */
export interface InputOperation {
	description: INodeProperties[];
	executeAll: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	) => Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | InputOperation;

export function isPendingJob(output: ItemOutput): output is PendingJob {
	return !Array.isArray(output);
}

/**
 * The item continue-on-fail outputs for a failure, paired to the input item(s) it concerns. n8n
 * keeps the error (message, description, httpCode) on `item.error` and sets the JSON to
 * `{ error: message }` itself.
 */
export function errorItem(
	error: Error,
	paired: INodeExecutionData['pairedItem'],
): INodeExecutionData {
	return { json: { error: error.message }, error: error as NodeApiError, pairedItem: paired };
}
