import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';

export const operations: Record<string, OperationModule> = { create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['searchProfile'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Start creating a reusable search profile, and optionally wait for it',
				action: 'Create a search profile',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a search profile creation and its status',
				action: 'Get the creation status of a search profile',
			},
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
