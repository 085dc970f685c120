import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as validate from './validate.operation';

export const operations: Record<string, OperationModule> = { validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiKey'] } },
		options: [
			{
				name: 'Validate',
				value: 'validate',
				description: 'Check that the API key is active and list its scopes',
				action: 'Validate the API key',
			},
		],
		default: 'validate',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
