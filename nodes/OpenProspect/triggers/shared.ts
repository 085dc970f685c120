import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../actions/common.descriptions';
import type { InvalidRecord, ListPage } from '../helpers/triggerCursor';
import { apiRequest } from '../transport';
import { hasNextPage, PAGE_SIZE, readPage } from '../transport/pagination';
import { MAX_PAGES_PER_POLL } from './limits';

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
}

/** One page of an OpenProspect list, read through the transport (retries, error mapping). */
export async function readListPage(
	this: IPollFunctions,
	path: string,
	qs: IDataObject,
	offset: number,
	limit = PAGE_SIZE,
): Promise<TriggerPage> {
	const body = await apiRequest.call(this, { method: 'GET', path, qs: { ...qs, limit, offset } });
	const page = readPage(body);
	if (page === undefined) {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'Unexpected list response' },
			{
				message: `OpenProspect returned something that is not a list for GET ${path}`,
				description: 'Expected an object with an "items" (or "orders") array, or an array.',
			},
		);
	}
	return { items: page.items, hasMore: hasNextPage(page, offset, limit), total: page.total };
}

/**
 * The pages of a list from `offset` on, until the last one or MAX_PAGES_PER_POLL pages. Pages are
 * read one at a time as the caller asks for them, so stopping early reads no further.
 */
export async function* listPages(
	this: IPollFunctions,
	path: string,
	offset = 0,
): AsyncGenerator<TriggerPage> {
	for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
		const page = await readListPage.call(this, path, {}, offset);
		yield page;
		if (!page.hasMore) return;
		offset += page.items.length;
	}
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
