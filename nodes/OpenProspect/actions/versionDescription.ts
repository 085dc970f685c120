import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiKey from './apiKey';
import * as blacklist from './blacklist';
import * as company from './company';
import * as delivery from './delivery';
import * as order from './order';
import * as prospect from './prospect';
import * as prospectSearch from './prospectSearch';
import * as searchProfile from './searchProfile';

export const versionDescription: INodeTypeDescription = {
	displayName: 'OpenProspect',
	name: 'openProspect',
	icon: { light: 'file:../../icons/openprospect.svg', dark: 'file:../../icons/openprospect.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description:
		'Order qualified B2B companies and contacts from OpenProspect, enrich your own lists, and manage deliveries, searches and blacklists',
	defaults: { name: 'OpenProspect' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'openProspectApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'API Key', value: 'apiKey' },
				{ name: 'Blacklist', value: 'blacklist' },
				{ name: 'Company', value: 'company' },
				{ name: 'Delivery', value: 'delivery' },
				{ name: 'Order', value: 'order' },
				{ name: 'Prospect', value: 'prospect' },
				{ name: 'Prospect Search', value: 'prospectSearch' },
				{ name: 'Search Profile', value: 'searchProfile' },
			],
			default: 'order',
		},
		...apiKey.description,
		...blacklist.description,
		...company.description,
		...delivery.description,
		...order.description,
		...prospect.description,
		...prospectSearch.description,
		...searchProfile.description,
	],
};
