/** Delivery: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, FROM_ITEM, query, SEARCH } from '../../helpers/badInput';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const delivery = (parameters: INodeParameters) => ({
	resource: 'delivery',
	operation: 'getAllCompanies',
	prospectSearchId: byId(SEARCH),
	...parameters,
});

describeBadInput(fixture, {
	'Delivery > Get Many Companies: empty prospect search': {
		parameters: delivery({ prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: null }],
		parameter: 'Prospect Search',
		problem: /is empty/,
	},
	'Delivery > Get Many Companies: Delivered Since that is not a date': {
		parameters: delivery({ deliveredSince: 'last tuesday-ish' }),
		parameter: 'Delivered Since',
		problem: /"last tuesday-ish" is not a date and time/,
	},
	'Delivery > Get Many Companies: CSV output without a field name': {
		parameters: delivery({ csvBinary: true, binaryPropertyName: ' ' }),
		parameter: 'Put Output File in Field',
		problem: /is empty/,
	},
	'Delivery > Get Many Companies: limit as an additional query parameter': {
		parameters: delivery({ options: query('limit') }),
		parameter: 'Additional Query Parameters',
		problem: /"limit" is set by the node itself/,
	},
} satisfies Record<string, BadInput>);
