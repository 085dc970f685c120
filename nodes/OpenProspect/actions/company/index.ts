import type { ResourceDefinition } from '../resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getJobs from './getJobs.operation';
import * as getJobSummary from './getJobSummary.operation';
import * as getWebtechIntel from './getWebtechIntel.operation';
import * as getWebtechIntelSummary from './getWebtechIntelSummary.operation';

export const company = {
	displayName: 'Company',
	defaultOperation: 'get',
	operations: {
		get: {
			name: 'Get',
			description: 'Get a company by ID',
			action: 'Get a company',
			module: get,
		},
		getJobSummary: {
			name: 'Get Job Summary',
			description: 'Get the job activity summary of a company',
			action: 'Get the job summary of a company',
			module: getJobSummary,
		},
		getJobs: {
			name: 'Get Jobs',
			description: 'Get the job listings of a company',
			action: 'Get the jobs of a company',
			module: getJobs,
		},
		getAll: {
			name: 'Get Many',
			description: 'List the companies of a prospect search',
			action: 'Get many companies',
			module: getAll,
		},
		getWebtechIntel: {
			name: 'Get Webtech Intel',
			description: 'Get the technology stack details of a company',
			action: 'Get the webtech intel of a company',
			module: getWebtechIntel,
		},
		getWebtechIntelSummary: {
			name: 'Get Webtech Intel Summary',
			description: 'Get the technology summary of a company',
			action: 'Get the webtech intel summary of a company',
			module: getWebtechIntelSummary,
		},
	},
} satisfies ResourceDefinition<'company'>;
