import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../helpers/idempotency';
import { asRecord, readAdditionalBody, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { idempotencyKeyOption } from './shared';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Additional Body Fields',
				name: 'additionalBodyFields',
				type: 'json',
				default: '{}',
				description:
					'Extra fields for the request body, as a JSON object, for fields this node does not list. Name and Description above take precedence.',
			},
			idempotencyKeyOption,
		],
	},
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
	const userKey = this.getNodeParameter('options.idempotencyKey', itemIndex, '') as string;
	const response = await apiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/blacklists',
		body,
		idempotencyKey: idempotencyKeyFor(this, itemIndex, body, { userKey }),
		itemIndex,
	});
	return toItems(asRecord(response));
}
