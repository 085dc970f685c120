/** Prospect: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, FROM_ITEM } from '../../helpers/badInput';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const prospect = (operation: string, parameters: INodeParameters) => ({
	resource: 'prospect',
	operation,
	...parameters,
});

describeBadInput(fixture, {
	'Prospect > Get: empty prospect': {
		parameters: prospect('get', { prospectId: byId(FROM_ITEM) }),
		input: [{ value: '  ' }],
		parameter: 'Prospect',
		problem: /is empty/,
	},
	'Prospect > Get: a prospect ID with a query string': {
		parameters: prospect('get', { prospectId: byId('ps_abc123?x=1') }),
		parameter: 'Prospect',
		problem: /"ps_abc123\?x=1" is not an ID \(it contains \/ \? or #\)/,
	},
	'Prospect > Get Many: a Company ID filter that is not a UUID': {
		parameters: prospect('getAll', { filters: { companyId: 'acme' } }),
		parameter: 'Filters > Company ID',
		problem: /"acme" is not a valid UUID/,
	},
	'Prospect > Get Many: a Prospect Search ID filter that is not a UUID': {
		parameters: prospect('getAll', { filters: { prospectSearchId: '42' } }),
		parameter: 'Filters > Prospect Search ID',
		problem: /"42" is not a valid UUID/,
	},
	'Prospect > Get: an ID with a space and a line break': {
		parameters: prospect('get', { prospectId: byId(FROM_ITEM) }),
		input: [{ value: 'ps_1 \nHost: evil' }],
		parameter: 'Prospect',
		problem: /"ps_1 \\nHost: evil" is not an ID/,
	},
} satisfies Record<string, BadInput>);
