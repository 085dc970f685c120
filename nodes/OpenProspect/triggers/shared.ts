import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../actions/common.descriptions';
import { readPages } from '../transport';
import { hasNextPage, PAGE_SIZE } from '../transport/pagination';
import type { InvalidRecord, ListPage } from './records';

export const MAX_ITEMS_ON_FIRST_RUN = 10_000;

/** Parameters shared by both events: Simplify, and the first-run options. */
export const commonProperties: INodeProperties[] = [
	simplifyField,
	optionsCollection([
		{
			displayName: 'Emit Existing on First Run',
			name: 'emitExistingOnFirstRun',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation also emits events from before it (the newest ones, up to Max Items on First Run). When off, the first poll only records where to start and emits nothing.',
		},
		{
			displayName: 'Max Items on First Run',
			name: 'maxItemsOnFirstRun',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_ITEMS_ON_FIRST_RUN },
			default: 50,
			description:
				'The most existing events the first poll emits when Emit Existing on First Run is on',
		},
	]),
];

export interface TriggerPage extends ListPage {
	total?: number;
	/** The server's time when it answered (its `Date` header), in ms. */
	serverTime?: number;
}

function serverTimeOf(headers: IDataObject): number | undefined {
	const date = headers.date;
	const ms = typeof date === 'string' ? Date.parse(date) : Number.NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

/** One page of an OpenProspect list, read through the transport's page reader. */
export async function readListPage(
	this: IPollFunctions,
	path: string,
	qs: IDataObject,
	offset: number,
	limit = PAGE_SIZE,
): Promise<TriggerPage> {
	const request = { path, qs, startOffset: offset, pageSize: limit, limit };
	for await (const page of readPages.call(this, request)) {
		return {
			items: page.items,
			hasMore: hasNextPage(page, offset, limit),
			total: page.total,
			serverTime: serverTimeOf(page.headers),
		};
	}
	return { items: [], hasMore: false };
}

/** Whether to simplify the output (the Simplify parameter). */
export function readSimplify(context: IPollFunctions): boolean {
	return context.getNodeParameter('simplify', true) as boolean;
}

/** How many existing events the first poll emits: 0 unless Emit Existing on First Run is on. */
export function readFirstRunLimit(context: IPollFunctions): number {
	if (!(context.getNodeParameter('options.emitExistingOnFirstRun', false) as boolean)) return 0;
	const limit = context.getNodeParameter('options.maxItemsOnFirstRun', 50) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ITEMS_ON_FIRST_RUN) {
		throw new NodeOperationError(
			context.getNode(),
			`Max Items on First Run: must be a whole number from 1 to ${MAX_ITEMS_ON_FIRST_RUN}, got ${String(limit)}`,
		);
	}
	return limit;
}

/** The error for a record the cursor cannot place (see InvalidRecord). */
export function invalidRecord(context: IPollFunctions): InvalidRecord {
	return (message) =>
		new NodeOperationError(context.getNode(), message, {
			description:
				'The trigger needs an id on every record, and a created_at on every order, to fire each event exactly once. Please report this to OpenProspect support with the message above.',
		});
}

/** Output of a poll: null when there is nothing to emit (n8n then creates no execution). */
export function pollOutput(records: IDataObject[]): INodeExecutionData[][] | null {
	return records.length > 0 ? [records.map((json) => ({ json }))] : null;
}

/** The trigger's state, in node-scoped static data (committed by n8n with the execution). */
export function triggerState(context: IPollFunctions): IDataObject {
	return context.getWorkflowStaticData('node');
}
