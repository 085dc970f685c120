import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validation';

/** The prospect search of `app.openprospect.io/searches/<uuid>` (From List, By URL, By ID). */
export const prospectSearchRLC: INodeProperties = {
	displayName: 'Prospect Search',
	name: 'prospectSearchId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The prospect search (a UUID). Choose it from the list, paste its app URL, or enter its ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProspectSearches', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.openprospect.io/searches/550e8400-e29b-41d4-a716-446655440000',
			extractValue: {
				type: 'regex',
				regex: `https?://app\\.openprospect\\.io/searches/(${UUID_PATTERN})`,
			},
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `https?://app\\.openprospect\\.io/searches/${UUID_PATTERN}.*`,
						errorMessage:
							'Not an OpenProspect search URL (https://app.openprospect.io/searches/<uuid>)',
					},
				},
			],
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 550e8400-e29b-41d4-a716-446655440000',
			validation: [
				{
					type: 'regex',
					properties: { regex: `^${UUID_PATTERN}$`, errorMessage: 'Not a valid UUID' },
				},
			],
			url: '=https://app.openprospect.io/searches/{{$value}}',
		},
	],
};

function recordRLC(options: {
	displayName: string;
	name: string;
	searchListMethod: string;
	description: string;
	placeholder: string;
	uuid?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
				validation: options.uuid
					? [
							{
								type: 'regex',
								properties: { regex: `^${UUID_PATTERN}$`, errorMessage: 'Not a valid UUID' },
							},
						]
					: undefined,
			},
		],
	};
}

export const orderRLC = recordRLC({
	displayName: 'Order',
	name: 'orderId',
	searchListMethod: 'searchOrders',
	description:
		'The order. Choose it from the list or enter its ID (as returned by Create Order or Get Many Orders).',
	placeholder: 'e.g. 3f6c1e9a-2b7d-4c1e-9f00-7a1b2c3d4e5f',
});

export const blacklistRLC = recordRLC({
	displayName: 'Blacklist',
	name: 'blacklistId',
	searchListMethod: 'searchBlacklists',
	description: 'The blacklist. Choose it from the list or enter its ID.',
	placeholder: 'e.g. 9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c',
});

export const companyRLC = recordRLC({
	displayName: 'Company',
	name: 'companyId',
	searchListMethod: 'searchCompanies',
	description:
		'The company (a UUID). The list shows companies of the prospect search chosen above, or enter the ID.',
	placeholder: 'e.g. 7f3e8c90-1234-5678-9abc-def012345678',
	uuid: true,
});

export const prospectRLC = recordRLC({
	displayName: 'Prospect',
	name: 'prospectId',
	searchListMethod: 'searchProspects',
	description: 'The prospect (a contact person). Choose it from the list or enter its ID.',
	placeholder: 'e.g. ps_abc123',
});

/** Return All + Limit, with the texts n8n's lint rules expect. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Escape hatch for filters the public docs do not list; goes inside an Options collection. */
export const additionalQueryParameters: INodeProperties = {
	displayName: 'Additional Query Parameters',
	name: 'queryParameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Parameter',
	description:
		'Extra query parameters sent as they are, for filters this node does not list (e.g. review_status_list)',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/** The Options collection; the helpers read its values as `options.<name>`. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Options > Max Concurrent Requests of a list read (read by `readMaxConcurrency`). */
export const maxConcurrentRequests: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 16, numberPrecision: 0 },
	default: 8,
	description:
		'Most page requests in flight at once when reading many records. Reading starts with 2 and adds more only while OpenProspect answers without rate limiting; it halves at once on a rate limit. Set 1 to read one page after the other, e.g. for an API key shared by many workflows.',
};

/** The Options collection of read operations: only the query-parameter escape hatch. */
export const queryOptions = optionsCollection([additionalQueryParameters]);

/** Options > Additional Body Fields (read by `readAdditionalBody`). */
export function additionalBodyFields(description: string): INodeProperties {
	return {
		displayName: 'Additional Body Fields',
		name: 'additionalBodyFields',
		type: 'json',
		default: '{}',
		description,
	};
}

/** Options > Idempotency Key of a create request (read by `readUserIdempotencyKey`). */
export function idempotencyKeyOption(
	description: string,
	placeholder = 'e.g. crm-export-2025-06-01',
): INodeProperties {
	return {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder,
		description,
	};
}

/** Neutralise Spreadsheet Formulas of a CSV output (read by `csvBinary`); shown with the CSV output. */
export function neutraliseFormulasField(
	show: Record<string, Array<string | boolean>>,
): INodeProperties {
	return {
		displayName: 'Neutralise Spreadsheet Formulas',
		name: 'neutraliseFormulas',
		type: 'boolean',
		default: true,
		description:
			"Whether to put a single quote (') before text cells that start with =, +, -, @, a tab or a carriage return, so a spreadsheet shows them as text instead of running them as formulas (company data comes from the web). Numbers are written as they are. Turn off only when a program, not a spreadsheet, reads the file.",
		displayOptions: { show },
	};
}

/** Output as CSV File, its output field and its formula setting (read by `readCsvOutputField`, `csvBinary`). */
export function csvFileOutput(description: string): INodeProperties[] {
	return [
		{
			displayName: 'Output as CSV File',
			name: 'csvBinary',
			type: 'boolean',
			default: false,
			description,
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The name of the output binary field to put the CSV file in',
			displayOptions: { show: { csvBinary: [true] } },
		},
		neutraliseFormulasField({ csvBinary: [true] }),
	];
}
