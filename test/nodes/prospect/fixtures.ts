/** What the prospect tests share. */
import type { INodeParameters } from 'n8n-workflow';

import { locator } from '../../helpers/api';

export const CO = '7f3e8c90-1234-5678-9abc-def012345678';

export const prospect = (index: number) => ({
	id: `ps_${index}`,
	first_name: 'Ann',
	last_name: `Lee ${index}`,
	job_title: 'CEO',
	email: `ann${index}@example.com`,
	phone: '+49 30 1234',
	linkedin_url: `https://linkedin.com/in/ann${index}`,
	company: { id: CO, name: 'Acme' },
	seniority: 'c_level',
	unknown_field: { kept: true },
});

export const simplified = (index: number) => ({
	id: `ps_${index}`,
	first_name: 'Ann',
	last_name: `Lee ${index}`,
	title: 'CEO',
	email: `ann${index}@example.com`,
	phone: '+49 30 1234',
	linkedin_url: `https://linkedin.com/in/ann${index}`,
	company_id: CO,
	company_name: 'Acme',
	name: `Ann Lee ${index}`,
});

export function get(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'prospect',
		operation: 'get',
		prospectId: locator('ps_abc123'),
		...parameters,
	};
}
