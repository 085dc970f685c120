import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getBlacklists from './getBlacklists.operation';
import * as setBlacklists from './setBlacklists.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	get,
	getAll,
	getBlacklists,
	setBlacklists,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['prospectSearch'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a prospect search, including its current version',
				action: 'Get a prospect search',
			},
			{
				name: 'Get Blacklists',
				value: 'getBlacklists',
				description: 'List the blacklists assigned to a prospect search',
				action: 'Get blacklists of a prospect search',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List prospect searches',
				action: 'Get many prospect searches',
			},
			{
				name: 'Set Blacklists',
				value: 'setBlacklists',
				description: 'Replace the whole set of blacklists assigned to a prospect search',
				action: 'Set blacklists of a prospect search',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update the name or ideal customer profile of a prospect search',
				action: 'Update a prospect search',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
