import type { ResourceDefinition } from '../resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const prospect = {
	displayName: 'Prospect',
	defaultOperation: 'get',
	operations: {
		get: {
			name: 'Get',
			description: 'Get a prospect (contact person) by ID',
			action: 'Get a prospect',
			module: get,
		},
		getAll: {
			name: 'Get Many',
			description: 'List prospects',
			action: 'Get many prospects',
			module: getAll,
		},
	},
} satisfies ResourceDefinition<'prospect'>;
