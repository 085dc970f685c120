import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as apiKey from './apiKey';
import * as blacklist from './blacklist';
import * as company from './company';
import * as delivery from './delivery';
import * as order from './order';
import * as prospect from './prospect';
import * as prospectSearch from './prospectSearch';
import * as searchProfile from './searchProfile';

/** Every parameter of the OpenProspect node: the resource selector, then each resource's operations. */
export const properties: INodeProperties[] = [
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
];

/** "Resource: Operation" display names by "resource.operation" value, for the canvas subtitle. */
export const subtitles: Record<string, string> = (() => {
	const resource = properties.find((property) => property.name === 'resource');
	const resourceNames = new Map(
		(resource?.options as INodePropertyOptions[]).map((option) => [option.value, option.name]),
	);
	const entries: Array<[string, string]> = [];
	for (const property of properties.filter((candidate) => candidate.name === 'operation')) {
		for (const value of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options as INodePropertyOptions[]) {
				entries.push([
					`${String(value)}.${String(option.value)}`,
					`${resourceNames.get(String(value))}: ${option.name}`,
				]);
			}
		}
	}
	return Object.fromEntries(entries);
})();
