/** Search Profile: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, FROM_ITEM } from '../../helpers/badInput';
import { useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const profile = (parameters: INodeParameters) => ({
	resource: 'searchProfile',
	operation: 'create',
	profileName: 'DACH SaaS',
	...parameters,
});

describeBadInput(fixture, {
	'Search Profile > Create: an empty profile name': {
		parameters: profile({ profileName: FROM_ITEM }),
		input: [{ value: ' ' }],
		parameter: 'Profile Name',
		problem: /is empty/,
	},
	'Search Profile > Create: country names instead of codes': {
		parameters: profile({ additionalFields: { targetCountries: 'DE, Germany' } }),
		parameter: 'Target Countries',
		problem: /"Germany" is not a two-letter country code/,
	},
	'Search Profile > Create: Additional Body Fields that are not an object': {
		parameters: profile({ options: { additionalBodyFields: '"fast"' } }),
		parameter: 'Additional Body Fields',
		problem: /must be a JSON object/,
	},
	'Search Profile > Get: empty profile creation ID': {
		parameters: { resource: 'searchProfile', operation: 'get', profileCreationId: FROM_ITEM },
		input: [{ value: '' }],
		parameter: 'Profile Creation ID',
		problem: /is empty/,
	},
	'Search Profile > Get: the profile creation ID ".."': {
		parameters: { resource: 'searchProfile', operation: 'get', profileCreationId: FROM_ITEM },
		input: [{ value: '..' }],
		parameter: 'Profile Creation ID',
		problem: /"\.\." is not an ID/,
	},
	'Search Profile > Create: an Idempotency Key of 300 characters': {
		parameters: profile({ options: { idempotencyKey: 'k'.repeat(300) } }),
		parameter: 'Idempotency Key',
		problem: /300 characters long; at most 255/,
	},
} satisfies Record<string, BadInput>);
