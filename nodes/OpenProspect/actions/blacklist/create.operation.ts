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
import { IDEMPOTENCY_KEY_PLACEHOLDER } from './shared';

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

/** POST /api/v1/blacklists: a new, empty blacklist. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = readBody(this, itemIndex);
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/blacklists',
		body,
		idempotencyKey: idempotencyKeyFor(this, itemIndex, body, {
			userKey: readUserIdempotencyKey(this, itemIndex),
		}),
		itemIndex,
		outcomeCheckHint:
			'Use Blacklist > Get Many to see whether the blacklist was created before trying again.',
	});
	return toItems(asRecord(response));
}
