import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyFor, readUserIdempotencyKey } from '../../helpers/idempotency';
import { asRecord, readAdditionalBody, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import {
	additionalBodyFields,
	idempotencyKeyOption,
	optionsCollection,
} from '../common.descriptions';
import { runPerItem } from '../itemRunner';
import { createOrReconcile, reconcileCreate } from '../shared/reconcile';
import { BLACKLISTS_PATH, IDEMPOTENCY_KEY_PLACEHOLDER } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Existing customers',
		description: 'Name of the new blacklist, shown in OpenProspect',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Companies we already work with',
		description: 'Optional note on what the blacklist is for. Left out when empty.',
	},
	optionsCollection([
		additionalBodyFields(
			'Extra fields for the request body, as a JSON object, for fields this node does not list. Name and Description above take precedence.',
		),
		idempotencyKeyOption(
			'Sent as the Idempotency-Key header so a repeated request is not applied twice. Leave empty to let the node derive one from the execution, item and request body. Reuse a key only with the same request.',
			IDEMPOTENCY_KEY_PLACEHOLDER,
		),
	]),
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = String(context.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (name === '') {
		throw invalidParameter(context, itemIndex, 'Name', 'is empty', 'Every blacklist needs a name.');
	}
	const body: IDataObject = { ...readAdditionalBody(context, itemIndex), name };
	const text = String(context.getNodeParameter('description', itemIndex, '') ?? '').trim();
	if (text !== '') body.description = text;
	return body;
}

/** Whether a blacklist is what a create with `body` would have made: same name and description. */
function blacklistMatchesBody(body: IDataObject): (blacklist: IDataObject) => boolean {
	return (blacklist) =>
		blacklist.name === body.name &&
		(body.description === undefined ||
			blacklist.description === undefined ||
			blacklist.description === body.description);
}

async function createBlacklist(
	context: IExecuteFunctions,
	itemIndex: number,
	known: Set<string>,
): Promise<IDataObject> {
	const body = readBody(context, itemIndex);
	const sentAt = Date.now();
	return await createOrReconcile(
		async () =>
			asRecord(
				await apiRequest.call(context, {
					method: 'POST',
					path: BLACKLISTS_PATH,
					body,
					idempotencyKey: idempotencyKeyFor(context, itemIndex, body, {
						userKey: readUserIdempotencyKey(context, itemIndex),
					}),
					itemIndex,
					outcomeCheckHint:
						'Use Blacklist > Get Many to see whether the blacklist was created before trying again.',
				}),
			),
		async (error) =>
			await reconcileCreate(context, error, {
				path: BLACKLISTS_PATH,
				itemIndex,
				elapsedMs: Date.now() - sentAt,
				matches: blacklistMatchesBody(body),
				known,
				what: 'blacklist',
			}),
	);
}

/**
 * POST /api/v1/blacklists: a new, empty blacklist per item. When the answer is lost after the
 * server may have acted, the blacklist is looked up by name instead of being created again.
 */
export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const known = new Set<string>();
	return await runPerItem(
		this,
		async function (this: IExecuteFunctions, itemIndex: number) {
			const created = await createBlacklist(this, itemIndex, known);
			if (typeof created.id === 'string') known.add(created.id);
			return toItems(created);
		},
		items.length,
	);
}
