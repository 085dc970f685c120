import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { asRecord, readFieldMask, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection, prospectSearchRLC } from '../common.descriptions';
import { prospectSearchPath, readProspectSearchId } from '../shared/prospectSearch';

/** Update Fields option → API field (also its update mask path). */
const UPDATE_FIELDS = [
	{
		name: 'idealCustomerProfile',
		key: 'ideal_customer_profile',
		displayName: 'Ideal Customer Profile',
	},
	{ name: 'name', key: 'name', displayName: 'Name' },
];

const properties: INodeProperties[] = [
	prospectSearchRLC,
	{
		displayName: 'Use Current Version',
		name: 'useCurrentVersion',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the current version of the prospect search first and send it with the update. Turn off to send a Version you read earlier: the update is then refused (409) if the search changed since.',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		required: true,
		default: 1,
		description:
			'The version of the prospect search this update is based on (the "version" field of Get). OpenProspect refuses the update with a 409 conflict when the search has changed since.',
		displayOptions: { show: { useCurrentVersion: [false] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change. Fields not added here stay as they are.',
		options: [
			{
				displayName: 'Ideal Customer Profile',
				name: 'idealCustomerProfile',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				placeholder: 'e.g. B2B SaaS companies in DACH with 50-500 employees',
				description:
					'New description of the companies this search should find, in plain language. Replaces the current one.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the prospect search',
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Update Mask',
			name: 'updateMask',
			type: 'string',
			default: '',
			placeholder: 'e.g. name, ideal_customer_profile',
			description:
				'The API fields to update (AIP-134 field mask), comma-separated. Leave empty to update exactly the fields added under Update Fields. A field in the mask but not in the body is cleared.',
		},
	]),
];

const displayOptions = { show: { resource: ['prospectSearch'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Changes {
	fields: IDataObject;
	updateMask: string[];
}

/** The fields to send and their mask, checked before anything is sent. */
function readChanges(context: IExecuteFunctions, itemIndex: number): Changes {
	const given = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {};
	for (const field of UPDATE_FIELDS) {
		if (given[field.name] === undefined) continue;
		const value = String(given[field.name] ?? '').trim();
		if (value === '') throw invalidParameter(context, itemIndex, field.displayName, 'is empty');
		fields[field.key] = value;
	}
	const userMask = readFieldMask(context, itemIndex, 'options.updateMask', 'Update Mask');
	if (Object.keys(fields).length === 0 && userMask.length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Update Fields',
			'nothing to update',
			'Add Name and/or Ideal Customer Profile under Update Fields.',
		);
	}
	return { fields, updateMask: userMask.length > 0 ? userMask : Object.keys(fields) };
}

function readVersion(context: IExecuteFunctions, itemIndex: number): number {
	const version = Number(context.getNodeParameter('version', itemIndex, ''));
	if (!Number.isInteger(version) || version < 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Version',
			'must be a whole number of 0 or more',
			'Use the "version" field of Prospect Search > Get, or turn on Use Current Version.',
		);
	}
	return version;
}

async function fetchCurrentVersion(
	context: IExecuteFunctions,
	itemIndex: number,
	prospectSearchId: string,
): Promise<number> {
	const search = asRecord(
		await apiRequest.call(context, {
			method: 'GET',
			path: prospectSearchPath(prospectSearchId),
			itemIndex,
		}),
	);
	if (!Number.isInteger(search.version)) {
		throw new NodeOperationError(
			context.getNode(),
			`OpenProspect returned no version for prospect search ${prospectSearchId}`,
			{ itemIndex, description: 'Turn off Use Current Version and enter the Version yourself.' },
		);
	}
	return search.version as number;
}

/** Adds to a 409 what to do about it with this node's parameters. */
function explainConflict(error: unknown, version: number, usedCurrent: boolean): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '409') return error;
	const advice = usedCurrent
		? `The prospect search changed between reading version ${version} and the update; run the node again.`
		: `Version ${version} is not the current version of the prospect search (optimistic locking). Turn on Use Current Version, or use the "version" of Prospect Search > Get.`;
	error.description = [advice, error.description].filter(Boolean).join('\n');
	return error;
}

/**
 * PATCH /api/v1/prospect-searches/{prospect_search_id} with `version` (optimistic lock) and an
 * AIP-134 `update_mask`. Admin-only fields are stripped by the API and listed in `stripped_fields`.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const prospectSearchId = readProspectSearchId(this, itemIndex);
	const { fields, updateMask } = readChanges(this, itemIndex);
	const useCurrent = this.getNodeParameter('useCurrentVersion', itemIndex, true) as boolean;
	const version = useCurrent
		? await fetchCurrentVersion(this, itemIndex, prospectSearchId)
		: readVersion(this, itemIndex);
	try {
		const response = await apiRequest.call(this, {
			method: 'PATCH',
			path: prospectSearchPath(prospectSearchId),
			body: { version, update_mask: updateMask, ...fields },
			itemIndex,
			outcomeCheckHint:
				'Use Prospect Search > Get to see whether the change was applied (its version goes up by one) before trying again.',
		});
		return toItems(asRecord(response));
	} catch (error) {
		throw explainConflict(error, version, useCurrent);
	}
}
