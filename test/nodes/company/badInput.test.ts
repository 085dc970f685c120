/** Company: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import type { BadInput } from '../../helpers/badInput';
import {
	COMPANY,
	describeBadInput,
	describeRefusedByN8n,
	FROM_ITEM,
	query,
	SEARCH,
} from '../../helpers/badInput';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const company = (operation: string, parameters: INodeParameters = {}) => ({
	resource: 'company',
	operation,
	companyId: byId(COMPANY),
	prospectSearchId: byId(SEARCH),
	...parameters,
});
const companies = (parameters: INodeParameters) => company('getAll', parameters);

describeBadInput(fixture, {
	'Company > Get: empty company': {
		parameters: company('get', { companyId: byId(FROM_ITEM) }),
		input: [{ value: '' }],
		parameter: 'Company',
		problem: /is empty/,
	},
	'Company > Get: a company ID that is not a UUID': {
		parameters: company('get', { companyId: byId(FROM_ITEM) }),
		input: [{ value: 'acme-gmbh' }],
		parameter: 'Company',
		problem: /"acme-gmbh" is not a valid UUID/,
	},
	'Company > Get Jobs: Limit 0': {
		parameters: company('getJobs', { limit: 0 }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got 0/,
	},
	'Company > Get Webtech Intel: a company ID with a path in it': {
		parameters: company('getWebtechIntel', { companyId: byId(FROM_ITEM) }),
		input: [{ value: `${COMPANY}/../x` }],
		parameter: 'Company',
		problem: /is not a valid UUID/,
	},
	'Company > Get Many: a prospect search that is not a UUID': {
		parameters: companies({ prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: 'my search' }],
		parameter: 'Prospect Search',
		problem: /"my search" is not a valid UUID/,
	},
	'Company > Get Many: Limit 2.5': {
		parameters: companies({ limit: 2.5 }),
		parameter: 'Limit',
		problem: /whole number from 1 to 100000, got 2.5/,
	},
	'Company > Get Many: Limit over 100,000': {
		parameters: companies({ limit: 100_001 }),
		parameter: 'Limit',
		problem: /got 100001/,
	},
	'Company > Get Many: Min Match Score 11': {
		parameters: companies({ filters: { minMatchScore: 11 } }),
		parameter: 'Min Match Score',
		problem: /from 0 to 10, got 11/,
	},
	'Company > Get Many: an unknown Review Status from an expression': {
		parameters: companies({ filters: { reviewStatus: '={{ "accepted,approved" }}' } }),
		parameter: 'Review Status',
		problem: /"approved" is not one of accepted, pending, rejected/,
	},
	'Company > Get Many: offset as an additional query parameter': {
		parameters: companies({ options: query('offset') }),
		parameter: 'Additional Query Parameters',
		problem: /"offset" is set by the node itself/,
	},
	'Company > Get Jobs: Limit as text out of range': {
		parameters: company('getJobs', { limit: '={{ "100001" }}' }),
		parameter: 'Limit',
		problem: /got "100001"/,
	},
} satisfies Record<string, BadInput>);

describeRefusedByN8n(fixture, [
	[
		'an empty required company',
		company('get', { companyId: byId('') }),
		/Parameter "Company" is required/,
	],
]);
