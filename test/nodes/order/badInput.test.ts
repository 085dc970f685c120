/** Order: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, FROM_ITEM } from '../../helpers/badInput';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

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

describeBadInput(fixture, {
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
	'Order > Get: an encoded dot segment': {
		parameters: order('get', { orderId: byId(FROM_ITEM) }),
		input: [{ value: '%2e%2e' }],
		parameter: 'Order',
		problem: /"%2e%2e" is not an ID/,
	},
	'Order > Create: a Profile ID with a slash': {
		parameters: discovery({ profileId: '../orders' }),
		parameter: 'Profile ID',
		problem: /"\.\.\/orders" is not an ID/,
	},
	'Order > Create: an Idempotency Key with a line break': {
		parameters: discovery({ options: { idempotencyKey: '={{ "crm-1\\nX-Other: 1" }}' } }),
		parameter: 'Idempotency Key',
		problem: /character 6 \(U\+000A\) is not printable ASCII/,
	},
	'Order > Get Many: Limit as text that is not a number': {
		parameters: order('getAll', { limit: '={{ "ten" }}' }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got "ten"/,
	},
} satisfies Record<string, BadInput>);
