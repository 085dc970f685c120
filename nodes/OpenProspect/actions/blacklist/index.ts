import type { ResourceDefinition } from '../resource';
import * as addEntries from './addEntries.operation';
import * as create from './create.operation';
import * as deleteBlacklist from './deleteBlacklist.operation';
import * as deleteEntries from './deleteEntries.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getEntries from './getEntries.operation';
import * as update from './update.operation';

export const blacklist = {
	displayName: 'Blacklist',
	defaultOperation: 'addEntries',
	operations: {
		addEntries: {
			name: 'Add Entries',
			description: 'Add companies to a blacklist, from the input items (batches of up to 10,000)',
			action: 'Add entries to a blacklist',
			module: addEntries,
		},
		create: {
			name: 'Create',
			description: 'Create a named blacklist',
			action: 'Create a blacklist',
			module: create,
		},
		deleteBlacklist: {
			name: 'Delete',
			description: 'Delete a blacklist',
			action: 'Delete a blacklist',
			module: deleteBlacklist,
		},
		deleteEntries: {
			name: 'Delete Entries',
			description: 'Remove entries from a blacklist by entry ID',
			action: 'Delete entries from a blacklist',
			module: deleteEntries,
		},
		get: {
			name: 'Get',
			description: 'Get a blacklist',
			action: 'Get a blacklist',
			module: get,
		},
		getEntries: {
			name: 'Get Entries',
			description: 'List the entries of a blacklist',
			action: 'Get entries of a blacklist',
			module: getEntries,
		},
		getAll: {
			name: 'Get Many',
			description: 'List your blacklists',
			action: 'Get many blacklists',
			module: getAll,
		},
		update: {
			name: 'Update',
			description: 'Change the name or description of a blacklist',
			action: 'Update a blacklist',
			module: update,
		},
	},
} satisfies ResourceDefinition<'blacklist'>;
