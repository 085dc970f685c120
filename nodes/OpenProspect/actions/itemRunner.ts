/**
 * The one place that handles pairing and Continue On Fail: a failed item becomes an error item
 * paired to its input (and nothing is thrown afterwards), otherwise the error stops the node with
 * the item index attached.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { InputOperation, ItemOperation, PendingJob } from './operation';
import { errorItem, isPendingJob } from './operation';
import { waitForJobs } from './shared/wait';
import { asError } from '../helpers/json';

function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), asError(error), { itemIndex });
}

/** Pairs every output item to `itemIndex` unless the operation already paired it more precisely. */
function pairTo(items: INodeExecutionData[], itemIndex: number): INodeExecutionData[] {
	return items.map((item) =>
		item.pairedItem === undefined ? { ...item, pairedItem: { item: itemIndex } } : item,
	);
}

/** The error item of a failed item under Continue On Fail; else throws. */
function failed(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (!context.continueOnFail()) throw withItemIndex(context, error, itemIndex);
	return [errorItem(asError(error), { item: itemIndex })];
}

/** Appends without spreading: an output may hold hundreds of thousands of items. */
function concat(outputs: INodeExecutionData[][]): INodeExecutionData[] {
	const all: INodeExecutionData[] = [];
	for (const output of outputs) for (const item of output) all.push(item);
	return all;
}

interface Started {
	itemIndex: number;
	pending: PendingJob;
}

/** An error that stops the node says which jobs earlier items had already started. */
function noteStarted(error: unknown, started: Started[]): unknown {
	if (started.length === 0) return error;
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const labels = started.map(
		({ itemIndex, pending }) => `${pending.job.label} (item ${itemIndex})`,
	);
	const note = `Created before this failure, not waited for, and going on: ${labels.join(', ')}.`;
	error.description = [error.description, note].filter(Boolean).join('\n');
	return error;
}

/** Waits for the jobs of all items together, then finishes each item in input order. */
async function finishJobs(
	context: IExecuteFunctions,
	started: Started[],
	outputs: INodeExecutionData[][],
): Promise<void> {
	const results = await waitForJobs(
		context,
		started.map(({ pending }) => pending.job),
	);
	for (const [index, { itemIndex, pending }] of started.entries()) {
		try {
			const result = results[index];
			if (result instanceof Error) throw result;
			outputs[itemIndex] = pairTo(await pending.finish(result), itemIndex);
		} catch (error) {
			outputs[itemIndex] = failed(context, error, itemIndex);
		}
	}
}

/**
 * Runs a per-item operation for items 0 … count-1 in order; the jobs they start are then waited
 * for together, and each item's output keeps its place and pairing.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	execute: ItemOperation['execute'],
	count: number,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = [];
	const started: Started[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const output = await execute.call(context, itemIndex);
			if (isPendingJob(output)) {
				started.push({ itemIndex, pending: output });
				outputs.push([]);
			} else {
				outputs.push(pairTo(output, itemIndex));
			}
		} catch (error) {
			outputs.push(failed(context, noteStarted(error, started), itemIndex));
		}
	}
	if (started.length > 0) await finishJobs(context, started, outputs);
	return concat(outputs);
}

/** Runs an operation on the whole input; a failure fails (or, under Continue On Fail, marks) every item. */
export async function runWholeInput(
	context: IExecuteFunctions,
	operation: InputOperation,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	try {
		return await operation.executeAll.call(context, items);
	} catch (error) {
		if (!context.continueOnFail()) throw withItemIndex(context, error, 0);
		return items.map((_, itemIndex) => errorItem(asError(error), { item: itemIndex }));
	}
}
