import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readUserIdempotencyKey } from '../../helpers/idempotency';
import { blacklistRLC, idempotencyKeyOption, optionsCollection } from '../common.descriptions';
import { errorItem } from '../operation';
import { postCreate } from '../shared/create';
import { createOrReconcile } from '../shared/reconcile';
import { readItemEntries } from './entries';
import { reconcileEntries } from './reconcileEntries';
import { blacklistPath, IDEMPOTENCY_KEY_PLACEHOLDER, readBlacklistId } from './shared';
import { asError } from '../../helpers/json';

/** The API takes at most this many entries per request. */
const MAX_ENTRIES_PER_REQUEST = 10_000;

const fromFields = { show: { source: ['fields'] } };

const properties: INodeProperties[] = [
	{
		...blacklistRLC,
		description:
			'The blacklist to add the entries to. Choose it from the list or enter its ID; an expression may give a different blacklist per item.',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'CSV File',
				value: 'csvFile',
				description:
					'Every row of a CSV file in a binary field of each input item (columns company_name, website_url, external_id, city)',
			},
			{
				name: 'Input Item Fields',
				value: 'fields',
				description: 'One entry per input item, from the fields mapped below',
			},
		],
		default: 'fields',
		description:
			'Where the entries come from. All entries of all items are sent together, in requests of up to 10,000 entries.',
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '={{ $json.company_name }}',
		description:
			'Company name of the entry; matched with City when given, else alone. Each entry needs a Company Name or a Website URL.',
		displayOptions: fromFields,
	},
	{
		displayName: 'Website URL',
		name: 'websiteUrl',
		type: 'string',
		default: '={{ $json.website_url }}',
		description:
			'Website of the company, e.g. https://acme.com; matched by domain, the most reliable match. Recommended for every entry.',
		displayOptions: fromFields,
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '={{ $json.external_id }}',
		description:
			'ID of the company in the data source OpenProspect found it in; an exact match takes priority over website and name. Optional.',
		displayOptions: fromFields,
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '={{ $json.city }}',
		description: 'City of the company, to tell apart companies with the same name. Optional.',
		displayOptions: fromFields,
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the CSV file',
		description:
			'The CSV needs a header row; columns company_name, website_url, external_id and city are read (other columns are ignored), and every row needs a company_name or a website_url',
		displayOptions: { show: { source: ['csvFile'] } },
	},
	optionsCollection([
		idempotencyKeyOption(
			'Sent as the Idempotency-Key header so a repeated request is not applied twice. With several requests (more than 10,000 entries, or several blacklists) -1, -2, … is appended. Leave empty to let the node derive one.',
			IDEMPOTENCY_KEY_PLACEHOLDER,
		),
	]),
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['addEntries'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Batch {
	blacklistId: string;
	entries: IDataObject[];
	/** The input items whose entries are in this request. */
	itemIndices: number[];
}

/** An item's blacklist and entries; a validation failure is returned only under Continue On Fail. */
async function readItem(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<{ blacklistId: string; entries: IDataObject[] } | Error> {
	const read = async () => {
		// Checked here, not when its batch is sent, so a bad key never stops a run half-way.
		readUserIdempotencyKey(context, itemIndex);
		return {
			blacklistId: readBlacklistId(context, itemIndex),
			entries: await readItemEntries(context, itemIndex),
		};
	};
	if (!context.continueOnFail()) return await read();
	try {
		return await read();
	} catch (error) {
		return asError(error);
	}
}

/**
 * Reads (and checks) the entries of every item before anything is sent, groups them by blacklist
 * in first-seen order, and cuts each group into requests of at most MAX_ENTRIES_PER_REQUEST.
 */
async function buildBatches(
	context: IExecuteFunctions,
	itemIndices: number[],
	failures: INodeExecutionData[],
): Promise<Batch[]> {
	const groups = new Map<string, Array<{ itemIndex: number; entry: IDataObject }>>();
	for (const itemIndex of itemIndices) {
		// With Continue On Fail an invalid item is reported on its own; the valid ones are sent.
		const read = await readItem(context, itemIndex);
		if (read instanceof Error) {
			failures.push(errorItem(read, { item: itemIndex }));
			continue;
		}
		const group = groups.get(read.blacklistId) ?? [];
		for (const entry of read.entries) group.push({ itemIndex, entry });
		groups.set(read.blacklistId, group);
	}
	const batches: Batch[] = [];
	for (const [blacklistId, group] of groups) {
		for (let start = 0; start < group.length; start += MAX_ENTRIES_PER_REQUEST) {
			const slice = group.slice(start, start + MAX_ENTRIES_PER_REQUEST);
			batches.push({
				blacklistId,
				entries: slice.map(({ entry }) => entry),
				itemIndices: [...new Set(slice.map(({ itemIndex }) => itemIndex))],
			});
		}
	}
	return batches;
}

async function sendBatch(
	context: IExecuteFunctions,
	batch: Batch,
	number: number,
	total: number,
): Promise<INodeExecutionData> {
	const itemIndex = batch.itemIndices[0];
	const body = { entries: batch.entries };
	const response = await createOrReconcile(
		async () =>
			await postCreate(context, {
				path: blacklistPath(batch.blacklistId, '/entries'),
				body,
				itemIndex,
				part: total > 1 ? number : undefined,
				outcomeCheckHint:
					'Use Blacklist > Get Entries to see whether the entries were added before trying again.',
			}),
		async (error) => await reconcileEntries(context, error, { ...batch, itemIndex }),
	);
	return {
		json: {
			...response,
			blacklist_id: batch.blacklistId,
			batch: number,
			entries_sent: batch.entries.length,
		},
		pairedItem: batch.itemIndices.map((item) => ({ item })),
	};
}

/** A failed batch says which earlier batches were already added, so nobody has to guess. */
function noteEarlierBatches(error: unknown, done: INodeExecutionData[]): unknown {
	if (done.length === 0) return error;
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const entries = done.reduce((sum, item) => sum + Number(item.json.entries_sent), 0);
	const earlier = done.length === 1 ? 'batch 1' : `batches 1 to ${done.length}`;
	const note = `Batch ${done.length + 1} failed; ${earlier} (${entries} entries) had already been added.`;
	error.description = [note, error.description].filter(Boolean).join('\n');
	return error;
}

async function addEntries(
	context: IExecuteFunctions,
	itemIndices: number[],
): Promise<INodeExecutionData[]> {
	const failures: INodeExecutionData[] = [];
	const batches = await buildBatches(context, itemIndices, failures);
	const sent: INodeExecutionData[] = [];
	for (const batch of batches) {
		try {
			sent.push(await sendBatch(context, batch, sent.length + 1, batches.length));
		} catch (error) {
			const explained = noteEarlierBatches(error, sent);
			if (!context.continueOnFail()) throw explained;
			// The batches already sent stay reported as added; only this batch's items failed.
			for (const item of batch.itemIndices) failures.push(errorItem(asError(explained), { item }));
		}
	}
	return [...sent, ...failures];
}

/**
 * POST /api/v1/blacklists/{blacklist_id}/entries with the entries of all input items: one summary
 * item per request, paired to the items whose entries it carried.
 */
export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await addEntries(
		this,
		items.map((_, itemIndex) => itemIndex),
	);
}
