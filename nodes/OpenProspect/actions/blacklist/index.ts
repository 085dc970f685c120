import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as addEntries from './addEntries.operation';
import * as create from './create.operation';
import * as deleteBlacklist from './deleteBlacklist.operation';
import * as deleteEntries from './deleteEntries.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getEntries from './getEntries.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	addEntries,
	create,
	deleteBlacklist,
	deleteEntries,
	get,
	getAll,
	getEntries,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [
			{
				name: 'Add Entries',
				value: 'addEntries',
				description: 'Add companies to a blacklist, from the input items (batches of up to 10,000)',
				action: 'Add entries to a blacklist',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a named blacklist',
				action: 'Create a blacklist',
			},
			{
				name: 'Delete',
				value: 'deleteBlacklist',
				description: 'Delete a blacklist',
				action: 'Delete a blacklist',
			},
			{
				name: 'Delete Entries',
				value: 'deleteEntries',
				description: 'Remove entries from a blacklist by entry ID',
				action: 'Delete entries from a blacklist',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a blacklist',
				action: 'Get a blacklist',
			},
			{
				name: 'Get Entries',
				value: 'getEntries',
				description: 'List the entries of a blacklist',
				action: 'Get entries of a blacklist',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List your blacklists',
				action: 'Get many blacklists',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name or description of a blacklist',
				action: 'Update a blacklist',
			},
		],
		default: 'addEntries',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
