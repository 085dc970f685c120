import type { ParameterContext } from '../../helpers/validation';
import { readId } from '../../helpers/validation';

export function readProspectSearchId(context: ParameterContext, itemIndex: number): string {
	return readId(context, itemIndex, 'prospectSearchId', 'Prospect Search', { uuid: true });
}

export function prospectSearchPath(prospectSearchId: string, suffix = ''): string {
	return `/api/v1/prospect-searches/${encodeURIComponent(prospectSearchId)}${suffix}`;
}
