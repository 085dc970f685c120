import type { ResourceDefinition } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';

export const order = {
	displayName: 'Order',
	defaultOperation: 'create',
	operations: {
		create: {
			name: 'Create',
			description: 'Create a discovery or enrichment order, and optionally wait for it to finish',
			action: 'Create an order',
			module: create,
		},
		get: {
			name: 'Get',
			description: 'Get an order and its status',
			action: 'Get an order',
			module: get,
		},
		getAll: {
			name: 'Get Many',
			description: 'List orders',
			action: 'Get many orders',
			module: getAll,
		},
		getResults: {
			name: 'Get Results',
			description: 'Get the companies delivered by a completed order',
			action: 'Get results of an order',
			module: getResults,
		},
	},
} satisfies ResourceDefinition<'order'>;
