import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readAdditionalBody, readTextList, toItems } from '../../helpers/params';
import { invalidParameter } from '../../helpers/validation';
import {
	additionalBodyFields,
	idempotencyKeyOption,
	optionsCollection,
} from '../common.descriptions';
import type { ItemOutput } from '../operation';
import { postCreate } from '../shared/create';
import { missingIdError, recordId } from '../shared/records';
import { readWaitSettings, statusOf, waitProperties } from '../shared/wait';
import {
	CREATION_GET_HINT,
	CREATIONS_PATH,
	creationFailedError,
	creationPath,
	TERMINAL_CREATION_STATUSES,
} from './shared';

/** A list field: comma-separated text, a JSON array, or an array from an expression or AI agent. */
function listField(displayName: string, name: string, example: string, what: string) {
	return {
		displayName,
		name,
		type: 'string' as const,
		default: '',
		placeholder: `e.g. ${example}`,
		description: `${what}, comma-separated (or a JSON array)`,
	};
}

const properties: INodeProperties[] = [
	{
		displayName: 'Profile Name',
		name: 'profileName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DACH SaaS companies',
		description: 'Name of the new search profile',
	},
	{
		displayName: 'Ideal Customer Profile',
		name: 'idealCustomerProfile',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. B2B SaaS companies with 50–500 employees that sell to mid-market retailers',
		description:
			'Plain-language description of the companies you want to find. The more specific, the better the profile.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			listField(
				'Contact Roles',
				'contactRoles',
				'Head of Sales, CTO',
				'Roles of the contact persons to find',
			),
			listField(
				'Excluded Industries',
				'excludedIndustries',
				'Gambling, Tobacco',
				'Industries to leave out',
			),
			{
				displayName: 'Output Language',
				name: 'outputLanguage',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'Language code for texts OpenProspect writes, e.g. en or de',
			},
			{
				displayName: 'Seller Industry',
				name: 'sellerIndustry',
				type: 'string',
				default: '',
				placeholder: 'e.g. Marketing software',
				description: 'The industry your own company is in',
			},
			{
				displayName: 'Seller Offering',
				name: 'sellerOffering',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. An email marketing platform for online shops',
				description: 'What your company sells to the companies you are looking for',
			},
			listField('Target Cities', 'targetCities', 'Berlin, Vienna', 'Cities to search in'),
			listField(
				'Target Countries',
				'targetCountries',
				'DE, AT, CH',
				'Countries to search in, as two-letter ISO 3166-1 alpha-2 codes',
			),
			listField(
				'Target Industries',
				'targetIndustries',
				'Software, E-commerce',
				'Industries to search in',
			),
		],
	},
	...waitProperties(
		'the search profile creation',
		'When it is reached, the creation goes on: read it later with Search Profile > Get.',
	),
	optionsCollection([
		additionalBodyFields(
			'Extra fields for the request body, as a JSON object, for fields this node does not list. The fields set above take precedence.',
		),
		idempotencyKeyOption(
			'Sent as the Idempotency-Key header, which OpenProspect requires here: the same key with the same request returns the existing creation instead of starting a second one. Leave empty to let the node derive one from the execution, item and request body. After a FAILED creation, retry with a NEW key.',
		),
	]),
];

const displayOptions = { show: { resource: ['searchProfile'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Body key and parameter of each list field (all optional, inside Additional Fields). */
const LIST_FIELDS = [
	{ key: 'target_countries', name: 'targetCountries', displayName: 'Target Countries' },
	{ key: 'target_cities', name: 'targetCities', displayName: 'Target Cities' },
	{ key: 'target_industries', name: 'targetIndustries', displayName: 'Target Industries' },
	{ key: 'excluded_industries', name: 'excludedIndustries', displayName: 'Excluded Industries' },
	{ key: 'contact_roles', name: 'contactRoles', displayName: 'Contact Roles' },
];

const TEXT_FIELDS = [
	{ key: 'ideal_customer_profile', name: 'idealCustomerProfile' },
	{ key: 'seller_offering', name: 'additionalFields.sellerOffering' },
	{ key: 'seller_industry', name: 'additionalFields.sellerIndustry' },
	{ key: 'output_language', name: 'additionalFields.outputLanguage' },
];

function readList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	return readTextList(context, itemIndex, `additionalFields.${name}`, displayName);
}

function checkCountries(context: IExecuteFunctions, itemIndex: number, codes: string[]): string[] {
	const invalid = codes.find((code) => !/^[A-Za-z]{2}$/.test(code));
	if (invalid !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Target Countries',
			`"${invalid}" is not a two-letter country code`,
			'Use ISO 3166-1 alpha-2 codes, e.g. DE, AT, CH (not country names).',
		);
	}
	return codes.map((code) => code.toUpperCase());
}

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = readAdditionalBody(context, itemIndex);
	const profileName = String(context.getNodeParameter('profileName', itemIndex, '') ?? '').trim();
	if (profileName === '') {
		throw invalidParameter(context, itemIndex, 'Profile Name', 'is empty');
	}
	body.profile_name = profileName;
	for (const field of TEXT_FIELDS) {
		const value = String(context.getNodeParameter(field.name, itemIndex, '') ?? '').trim();
		if (value !== '') body[field.key] = value;
	}
	for (const field of LIST_FIELDS) {
		const values = readList(context, itemIndex, field.name, field.displayName);
		if (values.length === 0) continue;
		body[field.key] =
			field.key === 'target_countries' ? checkCountries(context, itemIndex, values) : values;
	}
	return body;
}

/**
 * POST /api/v1/search-profile-creations (with the required Idempotency-Key): starts building a
 * search profile; optionally waits (with the other items) until it has SUCCEEDED (with a
 * profile_id) or FAILED.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const body = readBody(this, itemIndex);
	const settings = readWaitSettings(this, itemIndex);
	const created = await postCreate(this, {
		path: CREATIONS_PATH,
		body,
		itemIndex,
		serverDeduplicates: true,
		outcomeCheckHint:
			'Run Search Profile > Create again with the same Idempotency-Key: OpenProspect returns the existing creation instead of starting a second one.',
	});
	if (!settings) return toItems(created);
	const creationId = recordId(created, 'profile_creation_id');
	if (creationId === undefined) {
		throw missingIdError(
			this,
			itemIndex,
			'search profile creation',
			'Turn off Wait for Completion to see what OpenProspect returned; do not create it again with a new key.',
		);
	}

	return {
		job: {
			path: creationPath(creationId),
			initial: created,
			terminalStatuses: TERMINAL_CREATION_STATUSES,
			settings,
			itemIndex,
			label: `Search profile creation ${creationId}`,
			idField: 'profile_creation_id',
			id: creationId,
			hint: CREATION_GET_HINT,
		},
		finish: async (result) => {
			if ('timedOut' in result) return toItems(result.timedOut);
			if (statusOf(result.finished) !== 'SUCCEEDED') {
				throw creationFailedError(this, result.finished, itemIndex);
			}
			return toItems(result.finished);
		},
	};
}
