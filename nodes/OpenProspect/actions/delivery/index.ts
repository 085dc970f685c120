import type { ResourceDefinition } from '../resource';
import * as getAllCompanies from './getAllCompanies.operation';

export const delivery = {
	displayName: 'Delivery',
	defaultOperation: 'getAllCompanies',
	operations: {
		getAllCompanies: {
			name: 'Get Many Companies',
			description:
				'List the companies delivered for a prospect search, optionally only those delivered since a time',
			action: 'Get many delivered companies',
			module: getAllCompanies,
		},
	},
} satisfies ResourceDefinition<'delivery'>;
