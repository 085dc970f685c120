/** What the prospect search tests share. */
import type { INodeParameters } from 'n8n-workflow';

export const SEARCH = '550e8400-e29b-41d4-a716-446655440000';

export const OTHER = '7f3e8c90-1234-5678-9abc-def012345678';

export const PATH = `/api/v1/prospect-searches/${SEARCH}`;

export function prospectSearch(
	operation: string,
	parameters: INodeParameters = {},
): INodeParameters {
	return { resource: 'prospectSearch', operation, ...parameters };
}
