import type { ParameterContext } from '../../helpers/validation';
import { readId } from '../../helpers/validation';

/** The Prospect Search parameter (a UUID), for the prospect search, company and delivery operations and the trigger. */
export function readProspectSearchId(context: ParameterContext, itemIndex: number): string {
	return readId(context, itemIndex, 'prospectSearchId', 'Prospect Search', { uuid: true });
}

export function prospectSearchPath(prospectSearchId: string, suffix = ''): string {
	return `/api/v1/prospect-searches/${encodeURIComponent(prospectSearchId)}${suffix}`;
}
