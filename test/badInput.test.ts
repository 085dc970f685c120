/**
 * The bad-input catalogue: for every resource, parameters a user or an AI agent may get wrong. Each
 * is refused before anything is sent (the simulator counts zero requests), with a message that
 * starts with the parameter's name and ends with the item, e.g. `Limit: … [item 0]`.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runNode, runPoll } from './helpers/engine';
import { byId, useSimulator } from './helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
const COMPANY = '7f3e8c90-1234-5678-9abc-def012345678';

/**
 * A value taken from the input item. n8n itself refuses a workflow whose literal required value is
 * empty or fails a By ID pattern (see the last block); values from expressions, e.g. filled in by
 * an AI agent or an earlier node, reach the node's own checks.
 */
const FROM_ITEM = '={{ $json.value }}';

interface BadInput {
	parameters: INodeParameters;
	input?: IDataObject[];
	/** The parameter the message must start with. */
	parameter: string;
	/** What the message must say about it. */
	problem: RegExp;
	/** The input item the message must name (default 0). */
	item?: number;
}

const company = (operation: string, parameters: INodeParameters = {}) => ({
	resource: 'company',
	operation,
	companyId: byId(COMPANY),
	prospectSearchId: byId(SEARCH),
	...parameters,
});
const companies = (parameters: INodeParameters) => company('getAll', parameters);
const delivery = (parameters: INodeParameters) => ({
	resource: 'delivery',
	operation: 'getAllCompanies',
	prospectSearchId: byId(SEARCH),
	...parameters,
});
const prospect = (operation: string, parameters: INodeParameters) => ({
	resource: 'prospect',
	operation,
	...parameters,
});
const search = (operation: string, parameters: INodeParameters) => ({
	resource: 'prospectSearch',
	operation,
	prospectSearchId: byId(SEARCH),
	...parameters,
});
const blacklist = (operation: string, parameters: INodeParameters) => ({
	resource: 'blacklist',
	operation,
	blacklistId: byId('9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c'),
	...parameters,
});
const order = (operation: string, parameters: INodeParameters) => ({
	resource: 'order',
	operation,
	orderId: byId('3f6c1e9a-2b7d-4c1e-9f00-7a1b2c3d4e5f'),
	...parameters,
});
const discovery = (parameters: INodeParameters) =>
	order('create', {
		orderType: 'discovery',
		profileId: 'p-1',
		briefingQuantity: 10,
		...parameters,
	});
const enrichment = (parameters: INodeParameters) =>
	order('create', { orderType: 'enrichment', companySource: 'json', ...parameters });
const profile = (parameters: INodeParameters) => ({
	resource: 'searchProfile',
	operation: 'create',
	profileName: 'DACH SaaS',
	...parameters,
});
const query = (name: string) => ({ queryParameters: { parameter: [{ name, value: '5' }] } });

const catalogue: Record<string, BadInput> = {
	// Company
	'Company > Get: empty company': {
		parameters: company('get', { companyId: byId(FROM_ITEM) }),
		input: [{ value: '' }],
		parameter: 'Company',
		problem: /is empty/,
	},
	'Company > Get: a company ID that is not a UUID': {
		parameters: company('get', { companyId: byId(FROM_ITEM) }),
		input: [{ value: 'acme-gmbh' }],
		parameter: 'Company',
		problem: /"acme-gmbh" is not a valid UUID/,
	},
	'Company > Get Jobs: Limit 0': {
		parameters: company('getJobs', { limit: 0 }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got 0/,
	},
	'Company > Get Webtech Intel: a company ID with a path in it': {
		parameters: company('getWebtechIntel', { companyId: byId(FROM_ITEM) }),
		input: [{ value: `${COMPANY}/../x` }],
		parameter: 'Company',
		problem: /is not a valid UUID/,
	},
	'Company > Get Many: a prospect search that is not a UUID': {
		parameters: companies({ prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: 'my search' }],
		parameter: 'Prospect Search',
		problem: /"my search" is not a valid UUID/,
	},
	'Company > Get Many: Limit 2.5': {
		parameters: companies({ limit: 2.5 }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got 2.5/,
	},
	'Company > Get Many: Limit over 100,000': {
		parameters: companies({ limit: 100_001 }),
		parameter: 'Limit',
		problem: /got 100001/,
	},
	'Company > Get Many: Min Match Score 11': {
		parameters: companies({ filters: { minMatchScore: 11 } }),
		parameter: 'Min Match Score',
		problem: /from 0 to 10, got 11/,
	},
	'Company > Get Many: an unknown Review Status from an expression': {
		parameters: companies({ filters: { reviewStatus: '={{ "accepted,approved" }}' } }),
		parameter: 'Review Status',
		problem: /"approved" is not one of accepted, pending, rejected/,
	},
	'Company > Get Many: offset as an additional query parameter': {
		parameters: companies({ options: query('offset') }),
		parameter: 'Additional Query Parameters',
		problem: /"offset" is set by the node itself/,
	},

	// Delivery
	'Delivery > Get Many Companies: empty prospect search': {
		parameters: delivery({ prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: null }],
		parameter: 'Prospect Search',
		problem: /is empty/,
	},
	'Delivery > Get Many Companies: Delivered Since that is not a date': {
		parameters: delivery({ deliveredSince: 'last tuesday-ish' }),
		parameter: 'Delivered Since',
		problem: /"last tuesday-ish" is not a date and time/,
	},
	'Delivery > Get Many Companies: CSV output without a field name': {
		parameters: delivery({ csvBinary: true, binaryPropertyName: ' ' }),
		parameter: 'Put Output File in Field',
		problem: /is empty/,
	},
	'Delivery > Get Many Companies: limit as an additional query parameter': {
		parameters: delivery({ options: query('limit') }),
		parameter: 'Additional Query Parameters',
		problem: /"limit" is set by the node itself/,
	},

	// Prospect
	'Prospect > Get: empty prospect': {
		parameters: prospect('get', { prospectId: byId(FROM_ITEM) }),
		input: [{ value: '  ' }],
		parameter: 'Prospect',
		problem: /is empty/,
	},
	'Prospect > Get: a prospect ID with a query string': {
		parameters: prospect('get', { prospectId: byId('ps_abc123?x=1') }),
		parameter: 'Prospect',
		problem: /"ps_abc123\?x=1" is not an ID \(it contains \/ \? or #\)/,
	},
	'Prospect > Get Many: a Company ID filter that is not a UUID': {
		parameters: prospect('getAll', { filters: { companyId: 'acme' } }),
		parameter: 'Filters > Company ID',
		problem: /"acme" is not a valid UUID/,
	},
	'Prospect > Get Many: a Prospect Search ID filter that is not a UUID': {
		parameters: prospect('getAll', { filters: { prospectSearchId: '42' } }),
		parameter: 'Filters > Prospect Search ID',
		problem: /"42" is not a valid UUID/,
	},

	// Prospect Search
	'Prospect Search > Get: a prospect search that is not a UUID': {
		parameters: search('get', { prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: '550e8400' }],
		parameter: 'Prospect Search',
		problem: /is not a valid UUID/,
	},
	'Prospect Search > Get Blacklists: Limit 0': {
		parameters: search('getBlacklists', { limit: 0 }),
		parameter: 'Limit',
		problem: /got 0/,
	},
	'Prospect Search > Update: nothing to update': {
		parameters: search('update', { updateFields: {} }),
		parameter: 'Update Fields',
		problem: /nothing to update/,
	},
	'Prospect Search > Update: an empty name': {
		parameters: search('update', { updateFields: { name: '   ' } }),
		parameter: 'Name',
		problem: /is empty/,
	},
	'Prospect Search > Update: a negative version': {
		parameters: search('update', {
			useCurrentVersion: false,
			version: -1,
			updateFields: { name: 'Hotels' },
		}),
		parameter: 'Version',
		problem: /whole number of 0 or more/,
	},
	'Prospect Search > Set Blacklists: no IDs without Clear All': {
		parameters: search('setBlacklists', { blacklistIds: ' , ' }),
		parameter: 'Blacklist IDs',
		problem: /is empty/,
	},
	'Prospect Search > Set Blacklists: objects instead of IDs': {
		parameters: search('setBlacklists', { blacklistIds: '={{ [{ "id": "b-1" }] }}' }),
		parameter: 'Blacklist IDs',
		problem: /\{"id":"b-1"\} is not an ID/,
	},

	// Blacklist
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

	// Order
	'Order > Create: a discovery order without a profile': {
		parameters: discovery({ profileId: '  ' }),
		parameter: 'Profile ID',
		problem: /is empty/,
	},
	'Order > Create: Briefing Quantity 0': {
		parameters: discovery({ briefingQuantity: 0 }),
		parameter: 'Briefing Quantity',
		problem: /whole number of 1 or more, got 0/,
	},
	'Order > Create: Briefing Quantity as text from an AI agent': {
		parameters: discovery({ briefingQuantity: '={{ "ten" }}' }),
		parameter: 'Briefing Quantity',
		problem: /whole number of 1 or more, got "ten"/,
	},
	'Order > Create: an empty JSON company list': {
		parameters: enrichment({ companiesJson: '[]' }),
		parameter: 'Companies (JSON)',
		problem: /there are no companies/,
	},
	'Order > Create: companies as a JSON object, not an array': {
		parameters: enrichment({ companiesJson: '{"company_name": "Acme"}' }),
		parameter: 'Companies (JSON)',
		problem: /must be a JSON array of companies/,
	},
	'Order > Create: a JSON company with neither name nor website': {
		parameters: enrichment({ companiesJson: '[{"company_name": "Acme"}, {"city": "Berlin"}]' }),
		parameter: 'Companies (JSON)',
		problem: /company 2 has neither company_name nor website_url/,
	},
	'Order > Create: the second input item has neither name nor website': {
		parameters: order('create', { orderType: 'enrichment', companySource: 'inputItems' }),
		input: [{ company_name: 'Acme GmbH' }, { city: 'Berlin' }, { company_name: 'Gamma KG' }],
		parameter: 'Company Name / Website URL',
		problem: /both are empty for input item 1/,
		item: 1,
	},
	'Order > Create: Max Wait 0 seconds': {
		parameters: discovery({ waitForCompletion: true, maxWait: 0 }),
		parameter: 'Max Wait (Seconds)',
		problem: /from 1 to 86400, got 0/,
	},
	'Order > Create: a Poll Interval that is not a number': {
		parameters: discovery({ waitForCompletion: true, pollInterval: '={{ "soon" }}' }),
		parameter: 'Poll Interval (Seconds)',
		problem: /got "soon"/,
	},
	'Order > Get: empty order': {
		parameters: order('get', { orderId: byId(FROM_ITEM) }),
		input: [{ value: '' }],
		parameter: 'Order',
		problem: /is empty/,
	},
	'Order > Get Results: an order ID with #': {
		parameters: order('getResults', { orderId: byId('o-1#results') }),
		parameter: 'Order',
		problem: /is not an ID/,
	},
	'Order > Get Many: Limit 0': {
		parameters: order('getAll', { limit: 0 }),
		parameter: 'Limit',
		problem: /got 0/,
	},

	// Search Profile
	'Search Profile > Create: an empty profile name': {
		parameters: profile({ profileName: FROM_ITEM }),
		input: [{ value: ' ' }],
		parameter: 'Profile Name',
		problem: /is empty/,
	},
	'Search Profile > Create: country names instead of codes': {
		parameters: profile({ additionalFields: { targetCountries: 'DE, Germany' } }),
		parameter: 'Target Countries',
		problem: /"Germany" is not a two-letter country code/,
	},
	'Search Profile > Create: Additional Body Fields that are not an object': {
		parameters: profile({ options: { additionalBodyFields: '"fast"' } }),
		parameter: 'Additional Body Fields',
		problem: /must be a JSON object/,
	},
	'Search Profile > Get: empty profile creation ID': {
		parameters: { resource: 'searchProfile', operation: 'get', profileCreationId: FROM_ITEM },
		input: [{ value: '' }],
		parameter: 'Profile Creation ID',
		problem: /is empty/,
	},
};

/**
 * IDs become URL path segments and the node is an AI tool, so an ID may come from a model: only
 * OpenProspect's alphabet (letters, digits, - and _) is accepted, wherever an ID is read.
 */
const hostileIds: Record<string, BadInput> = {
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
	'Order > Get: an encoded dot segment': {
		parameters: order('get', { orderId: byId(FROM_ITEM) }),
		input: [{ value: '%2e%2e' }],
		parameter: 'Order',
		problem: /"%2e%2e" is not an ID/,
	},
	'Prospect > Get: an ID with a space and a line break': {
		parameters: prospect('get', { prospectId: byId(FROM_ITEM) }),
		input: [{ value: 'ps_1 \nHost: evil' }],
		parameter: 'Prospect',
		problem: /"ps_1 \\nHost: evil" is not an ID/,
	},
	'Search Profile > Get: the profile creation ID ".."': {
		parameters: { resource: 'searchProfile', operation: 'get', profileCreationId: FROM_ITEM },
		input: [{ value: '..' }],
		parameter: 'Profile Creation ID',
		problem: /"\.\." is not an ID/,
	},
	'Order > Create: a Profile ID with a slash': {
		parameters: discovery({ profileId: '../orders' }),
		parameter: 'Profile ID',
		problem: /"\.\.\/orders" is not an ID/,
	},
	'Prospect Search > Set Blacklists: ".." in an ID array': {
		parameters: search('setBlacklists', { blacklistIds: '={{ ["b-1", ".."] }}' }),
		parameter: 'Blacklist IDs',
		problem: /"\.\." is not an ID/,
	},
	'Blacklist > Delete Entries: an entry ID with a dot': {
		parameters: blacklist('deleteEntries', { entryIds: 'e-1, e.2' }),
		parameter: 'Entry IDs',
		problem: /"e\.2" is not an ID/,
	},
};

/** An empty element in a list is a missing value, not something to drop silently. */
const listsAndKeys: Record<string, BadInput> = {
	'Prospect Search > Set Blacklists: an empty element between two IDs': {
		parameters: search('setBlacklists', { blacklistIds: 'b-1,,b-2' }),
		parameter: 'Blacklist IDs',
		problem: /element 2 of 3 is empty/,
	},
	'Prospect Search > Set Blacklists: an empty string in an ID array': {
		parameters: search('setBlacklists', { blacklistIds: FROM_ITEM }),
		input: [{ value: ['b-1', '', 'b-2'] }],
		parameter: 'Blacklist IDs',
		problem: /element 2 of 3 is empty/,
	},
	'Blacklist > Delete Entries: a leading comma': {
		parameters: blacklist('deleteEntries', { entryIds: ', e-1' }),
		parameter: 'Entry IDs',
		problem: /element 1 of 2 is empty/,
	},
	'Prospect Search > Update: an Update Mask entry that is not a field name': {
		parameters: search('update', {
			updateFields: { name: 'Hotels' },
			options: { updateMask: 'name, ideal customer profile' },
		}),
		parameter: 'Update Mask',
		problem: /^Update Mask: "ideal customer profile" is not a field name/,
	},
	'Prospect Search > Update: an empty element in the Update Mask': {
		parameters: search('update', {
			updateFields: { name: 'Hotels' },
			options: { updateMask: 'name,,ideal_customer_profile' },
		}),
		parameter: 'Update Mask',
		problem: /element 2 of 3 is empty/,
	},
	'Order > Create: an Idempotency Key with a line break': {
		parameters: discovery({ options: { idempotencyKey: '={{ "crm-1\\nX-Other: 1" }}' } }),
		parameter: 'Idempotency Key',
		problem: /character 6 \(U\+000A\) is not printable ASCII/,
	},
	'Blacklist > Create: an Idempotency Key with an umlaut': {
		parameters: blacklist('create', { name: 'x', options: { idempotencyKey: 'liste-März' } }),
		parameter: 'Idempotency Key',
		problem: /character 8 \(U\+00E4\) is not printable ASCII/,
	},
	'Search Profile > Create: an Idempotency Key of 300 characters': {
		parameters: profile({ options: { idempotencyKey: 'k'.repeat(300) } }),
		parameter: 'Idempotency Key',
		problem: /300 characters long; at most 255/,
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
	'Order > Get Many: Limit as text that is not a number': {
		parameters: order('getAll', { limit: '={{ "ten" }}' }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got "ten"/,
	},
	'Company > Get Jobs: Limit as text out of range': {
		parameters: company('getJobs', { limit: '={{ "100001" }}' }),
		parameter: 'Limit',
		problem: /got "100001"/,
	},
};

Object.assign(catalogue, hostileIds, listsAndKeys);

describe('bad input is refused before anything is sent, naming the parameter and the item', () => {
	it('covers every resource with at least 30 cases', () => {
		const resources = new Set(Object.values(catalogue).map((entry) => entry.parameters.resource));
		expect(Object.keys(catalogue).length).toBeGreaterThanOrEqual(30);
		expect(resources).toEqual(
			new Set([
				'company',
				'delivery',
				'prospect',
				'prospectSearch',
				'blacklist',
				'order',
				'searchProfile',
			]),
		);
	});

	it.each(Object.entries(catalogue))('%s', async (_, entry) => {
		const { items, error } = await runNode({
			parameters: entry.parameters,
			input: entry.input,
			credentials: fixture.credentials,
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(new RegExp(`^${escapeRegExp(entry.parameter)}: `));
		expect(error?.message).toMatch(entry.problem);
		expect(error?.message).toMatch(new RegExp(` \\[item ${entry.item ?? 0}\\]$`));
		expect(fixture.sim.counters.total).toBe(0);
	});
});

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the trigger refuses bad parameters before polling', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		[
			'New Delivered Companies: a prospect search that is not a UUID',
			{ event: 'newDeliveredCompanies', prospectSearchId: byId('hotels') },
			/^Prospect Search: "hotels" is not a valid UUID$/,
		],
		[
			'New Delivered Companies: empty prospect search',
			{ event: 'newDeliveredCompanies', prospectSearchId: byId('') },
			/^Prospect Search: is empty$/,
		],
		[
			'Order Finished: no status chosen',
			{ event: 'orderFinished', statuses: [] },
			/^Statuses: choose at least one status$/,
		],
		[
			'Order Finished: Max Items on First Run 0',
			{
				event: 'orderFinished',
				options: { emitExistingOnFirstRun: true, maxItemsOnFirstRun: 0 },
			},
			/^Max Items on First Run: must be a whole number from 1 to 10000, got 0$/,
		],
	];

	it.each(cases)('%s', async (_, parameters, message) => {
		await expect(
			runPoll({ parameters, credentials: fixture.credentials, staticData: {} }),
		).rejects.toThrow(message);
		expect(fixture.sim.counters.total).toBe(0);
	});
});

describe('literal values n8n itself refuses before the node runs', () => {
	it.each([
		[
			'an empty required company',
			company('get', { companyId: byId('') }),
			/Parameter "Company" is required/,
		],
		[
			'a By ID value that is not a UUID',
			search('get', { prospectSearchId: byId('550e8400') }),
			/Not a valid UUID/,
		],
		['an empty required name', blacklist('create', { name: '' }), /Parameter "Name" is required/],
	])('%s', async (_, parameters, message) => {
		await expect(runNode({ parameters, credentials: fixture.credentials })).rejects.toThrow(
			message,
		);
		expect(fixture.sim.counters.total).toBe(0);
	});
});

describe('By URL: only the UUID of an OpenProspect search URL is used', () => {
	it('refuses a URL from an expression whose last segment is "..", before anything is sent', async () => {
		const { items, error } = await runNode({
			parameters: search('get', {
				prospectSearchId: {
					__rl: true,
					mode: 'url',
					value: '={{ "https://app.openprospect.io/searches/" + $json.value }}',
				},
			}),
			input: [{ value: '..' }],
			credentials: fixture.credentials,
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/Prospect Search parameter's value is invalid/);
		expect(fixture.sim.counters.total).toBe(0);
	});
});
