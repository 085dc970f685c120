import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as getAllCompanies from './getAllCompanies.operation';

export const operations: Record<string, OperationModule> = { getAllCompanies };

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
