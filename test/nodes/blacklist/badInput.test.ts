/** Blacklist: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, describeRefusedByN8n, FROM_ITEM } from '../../helpers/badInput';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const blacklist = (operation: string, parameters: INodeParameters) => ({
	resource: 'blacklist',
	operation,
	blacklistId: byId('9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c'),
	...parameters,
});

describeBadInput(fixture, {
	'Blacklist > Create: an empty name': {
		parameters: blacklist('create', { name: FROM_ITEM }),
		input: [{ value: '' }],
		parameter: 'Name',
		problem: /is empty/,
	},
	'Blacklist > Create: Additional Body Fields that are not JSON': {
		parameters: blacklist('create', { name: 'x', options: { additionalBodyFields: '{name:' } }),
		parameter: 'Additional Body Fields',
		problem: /is not valid JSON/,
	},
	'Blacklist > Create: Additional Body Fields that are an array': {
		parameters: blacklist('create', { name: 'x', options: { additionalBodyFields: '[1, 2]' } }),
		parameter: 'Additional Body Fields',
		problem: /must be a JSON object/,
	},
	'Blacklist > Get: empty blacklist': {
		parameters: blacklist('get', { blacklistId: byId(FROM_ITEM) }),
		input: [{}],
		parameter: 'Blacklist',
		problem: /is empty/,
	},
	'Blacklist > Update: nothing to update': {
		parameters: blacklist('update', { updateFields: {} }),
		parameter: 'Update Fields',
		problem: /nothing to update/,
	},
	'Blacklist > Delete: a blacklist ID with a slash': {
		parameters: blacklist('deleteBlacklist', { blacklistId: byId('b-1/entries') }),
		parameter: 'Blacklist',
		problem: /is not an ID/,
	},
	'Blacklist > Delete Entries: no entry IDs': {
		parameters: blacklist('deleteEntries', { entryIds: FROM_ITEM }),
		input: [{ value: [] }],
		parameter: 'Entry IDs',
		problem: /is empty/,
	},
	'Blacklist > Get Entries: Limit -5': {
		parameters: blacklist('getEntries', { limit: -5 }),
		parameter: 'Limit',
		problem: /got -5/,
	},
	'Blacklist > Add Entries: the third item has neither name nor website': {
		parameters: blacklist('addEntries', { source: 'fields' }),
		input: [
			{ company_name: 'Acme GmbH' },
			{ website_url: 'https://beta.example' },
			{ city: 'Berlin' },
		],
		parameter: 'Company Name / Website URL',
		problem: /both are empty/,
		item: 2,
	},
	'Blacklist > Add Entries: a CSV file that is not there': {
		parameters: blacklist('addEntries', { source: 'csvFile', binaryPropertyName: 'data' }),
		parameter: 'Input Binary Field',
		problem: /no binary property "data" on the input item/,
	},
	'Blacklist > Get: the ID "."': {
		parameters: blacklist('get', { blacklistId: byId(FROM_ITEM) }),
		input: [{ value: '.' }],
		parameter: 'Blacklist',
		problem:
			/^Blacklist: "\." is not an ID \(OpenProspect IDs are 1 to 128 letters, digits, - and _\)/,
	},
	'Blacklist > Delete: the ID ".." (would resolve to DELETE /api/v1/blacklists/)': {
		parameters: blacklist('deleteBlacklist', { blacklistId: byId(FROM_ITEM) }),
		input: [{ value: '..' }],
		parameter: 'Blacklist',
		problem: /"\.\." is not an ID/,
	},
	'Blacklist > Add Entries: the ID ".." (would resolve to POST /api/v1/entries)': {
		parameters: blacklist('addEntries', {
			blacklistId: byId(FROM_ITEM),
			source: 'fields',
			companyName: 'Acme',
		}),
		input: [{ value: '..' }],
		parameter: 'Blacklist',
		problem: /"\.\." is not an ID/,
	},
	'Blacklist > Delete Entries: an entry ID with a dot': {
		parameters: blacklist('deleteEntries', { entryIds: 'e-1, e.2' }),
		parameter: 'Entry IDs',
		problem: /"e\.2" is not an ID/,
	},
	'Blacklist > Delete Entries: a leading comma': {
		parameters: blacklist('deleteEntries', { entryIds: ', e-1' }),
		parameter: 'Entry IDs',
		problem: /element 1 of 2 is empty/,
	},
	'Blacklist > Create: an Idempotency Key with an umlaut': {
		parameters: blacklist('create', { name: 'x', options: { idempotencyKey: 'liste-März' } }),
		parameter: 'Idempotency Key',
		problem: /character 8 \(U\+00E4\) is not printable ASCII/,
	},
	'Blacklist > Add Entries: an Idempotency Key with a tab': {
		parameters: blacklist('addEntries', {
			source: 'fields',
			companyName: 'Acme',
			options: { idempotencyKey: 'key\tone' },
		}),
		parameter: 'Idempotency Key',
		problem: /character 4 \(U\+0009\)/,
	},
} satisfies Record<string, BadInput>);

describeRefusedByN8n(fixture, [
	['an empty required name', blacklist('create', { name: '' }), /Parameter "Name" is required/],
]);
