import type { ResourceDefinition } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';

export const searchProfile = {
	displayName: 'Search Profile',
	defaultOperation: 'create',
	operations: {
		create: {
			name: 'Create',
			description: 'Start creating a reusable search profile, and optionally wait for it',
			action: 'Create a search profile',
			module: create,
		},
		get: {
			name: 'Get',
			description: 'Get a search profile creation and its status',
			action: 'Get the creation status of a search profile',
			module: get,
		},
	},
} satisfies ResourceDefinition<'searchProfile'>;
