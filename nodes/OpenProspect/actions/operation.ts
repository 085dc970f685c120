import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';

/**
 * One operation: its UI and its logic. `execute` runs once per input item; the router pairs its
 * output to that item. `executeBatch`, when present, may take the whole input at once (e.g. one
 * enrichment order built from all items) and returns undefined to fall back to `execute`. An
 * operation that sends several requests for the whole input handles Continue On Fail per request
 * with `errorItem`, so what was already sent is not reported as failed.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
	executeBatch?: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	) => Promise<INodeExecutionData[] | undefined>;
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
