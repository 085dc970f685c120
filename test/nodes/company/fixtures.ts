/** What the company tests share. */
import type { INodeParameters } from 'n8n-workflow';

import { locator } from '../../helpers/api';

export const PS = '550e8400-e29b-41d4-a716-446655440000';

export const CO = '7f3e8c90-1234-5678-9abc-def012345678';

export const company = (index: number) => ({
	id: `c-${index}`,
	name: `Company ${index}`,
	city: 'Berlin',
	country: 'Germany',
	business_type: 'Hotel',
	website: `https://c${index}.example`,
	match_score: 8.5,
	review_status: 'accepted',
	prospect_search_id: PS,
	contacts: [{ name: 'Ann' }],
	unknown_field: { kept: true },
});

export const companies = (from: number, count: number) =>
	Array.from({ length: count }, (_, offset) => company(from + offset));

export const simplified = (index: number) => ({
	id: `c-${index}`,
	name: `Company ${index}`,
	website: `https://c${index}.example`,
	city: 'Berlin',
	country: 'Germany',
	business_type: 'Hotel',
	match_score: 8.5,
	review_status: 'accepted',
	prospect_search_id: PS,
});

export function single(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'company', operation, companyId: locator(CO), ...parameters };
}
