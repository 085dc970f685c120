import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, OperationModule> = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['prospect'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a prospect (contact person) by ID',
				action: 'Get a prospect',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List prospects',
				action: 'Get many prospects',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
