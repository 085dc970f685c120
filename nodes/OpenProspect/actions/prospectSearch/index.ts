import type { ResourceDefinition } from '../resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getBlacklists from './getBlacklists.operation';
import * as setBlacklists from './setBlacklists.operation';
import * as update from './update.operation';

export const prospectSearch = {
	displayName: 'Prospect Search',
	defaultOperation: 'get',
	operations: {
		get: {
			name: 'Get',
			description: 'Get a prospect search, including its current version',
			action: 'Get a prospect search',
			module: get,
		},
		getBlacklists: {
			name: 'Get Blacklists',
			description: 'List the blacklists assigned to a prospect search',
			action: 'Get blacklists of a prospect search',
			module: getBlacklists,
		},
		getAll: {
			name: 'Get Many',
			description: 'List prospect searches',
			action: 'Get many prospect searches',
			module: getAll,
		},
		setBlacklists: {
			name: 'Set Blacklists',
			description: 'Replace the whole set of blacklists assigned to a prospect search',
			action: 'Set blacklists of a prospect search',
			module: setBlacklists,
		},
		update: {
			name: 'Update',
			description: 'Update the name or ideal customer profile of a prospect search',
			action: 'Update a prospect search',
			module: update,
		},
	},
} satisfies ResourceDefinition<'prospectSearch'>;
