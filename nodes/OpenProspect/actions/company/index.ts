import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getJobs from './getJobs.operation';
import * as getJobSummary from './getJobSummary.operation';
import * as getWebtechIntel from './getWebtechIntel.operation';
import * as getWebtechIntelSummary from './getWebtechIntelSummary.operation';

export const operations: Record<string, OperationModule> = {
	get,
	getAll,
	getJobs,
	getJobSummary,
	getWebtechIntel,
	getWebtechIntelSummary,
};

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
				action: 'Get the job summary of a company',
			},
			{
				name: 'Get Jobs',
				value: 'getJobs',
				description: 'Get the job listings of a company',
				action: 'Get the jobs of a company',
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
				action: 'Get the webtech intel of a company',
			},
			{
				name: 'Get Webtech Intel Summary',
				value: 'getWebtechIntelSummary',
				description: 'Get the technology summary of a company',
				action: 'Get the webtech intel summary of a company',
			},
		],
		default: 'get',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
