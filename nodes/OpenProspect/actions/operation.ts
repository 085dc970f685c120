import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation: its UI and its logic. `execute` runs once per input item; the router pairs its
 * output to that item. `executeBatch`, when present, may take the whole input at once (e.g. one
 * enrichment order built from all items) and returns undefined to fall back to `execute`.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
	executeBatch?: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	) => Promise<INodeExecutionData[] | undefined>;
}
