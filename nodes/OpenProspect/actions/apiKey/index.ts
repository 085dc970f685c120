import type { ResourceDefinition } from '../resource';
import * as validate from './validate.operation';

export const apiKey = {
	displayName: 'API Key',
	defaultOperation: 'validate',
	operations: {
		validate: {
			name: 'Validate',
			description: 'Check that the API key is active and list its scopes',
			action: 'Validate the API key',
			module: validate,
		},
	},
} satisfies ResourceDefinition<'apiKey'>;
