import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';

export const operations: Record<string, OperationModule> = { create, get, getAll, getResults };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a discovery or enrichment order, and optionally wait for it to finish',
				action: 'Create an order',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order and its status',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List orders',
				action: 'Get many orders',
			},
			{
				name: 'Get Results',
				value: 'getResults',
				description: 'Get the companies delivered by a completed order',
				action: 'Get results of an order',
			},
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
