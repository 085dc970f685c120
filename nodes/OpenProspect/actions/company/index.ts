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
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a company by ID',
				action: 'Get a company',
			},
			{
				name: 'Get Job Summary',
				value: 'getJobSummary',
				description: 'Get the job activity summary of a company',
				action: 'Get a company job summary',
			},
			{
				name: 'Get Jobs',
				value: 'getJobs',
				description: 'Get the job listings of a company',
				action: 'Get company jobs',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the companies of a prospect search',
				action: 'Get many companies',
			},
			{
				name: 'Get Webtech Intel',
				value: 'getWebtechIntel',
				description: 'Get the technology stack details of a company',
				action: 'Get company webtech intel',
			},
			{
				name: 'Get Webtech Intel Summary',
				value: 'getWebtechIntelSummary',
				description: 'Get the technology summary of a company',
				action: 'Get a company webtech intel summary',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
