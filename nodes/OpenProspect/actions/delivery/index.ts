import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';

// Operation modules are registered here as they are written: `export const operations = { get, ... }`.
export const operations: Record<string, OperationModule> = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['delivery'] } },
		options: [
			{
				name: 'Get Many Companies',
				value: 'getAllCompanies',
				description:
					'List the companies delivered for a prospect search, optionally only those delivered since a time',
				action: 'Get many delivered companies',
			},
		],
		default: 'getAllCompanies',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
