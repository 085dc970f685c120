import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asRecord, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { blacklistRLC } from '../common.descriptions';
import { blacklistPath, readBlacklistId } from './shared';

const properties: INodeProperties[] = [
	blacklistRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change. Fields not added here stay as they are.',
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'New description. An empty value clears the description.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Existing customers',
				description: 'New name of the blacklist (cannot be empty)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['blacklist'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The PATCH body: only the fields the user added, checked before anything is sent. */
function readChanges(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name ?? '').trim();
		if (name === '') throw invalidParameter(context, itemIndex, 'Name', 'is empty');
		body.name = name;
	}
	if (fields.description !== undefined) body.description = String(fields.description ?? '').trim();
	if (Object.keys(body).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Update Fields',
			'nothing to update',
			'Add Name and/or Description under Update Fields.',
		);
	}
	return body;
}

/** PATCH /api/v1/blacklists/{blacklist_id}: change the name and/or description. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const blacklistId = readBlacklistId(this, itemIndex);
	const body = readChanges(this, itemIndex);
	const response = await apiRequest.call(this, {
		method: 'PATCH',
		path: blacklistPath(blacklistId),
		body,
		itemIndex,
		outcomeCheckHint:
			'Use Blacklist > Get to see whether the change was applied before trying again.',
	});
	return toItems(asRecord(response));
}
