import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../helpers/validation';

export function readBlacklistId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'blacklistId', 'Blacklist');
}

/** The example in the Idempotency Key option of the blacklist requests that add something. */
export const IDEMPOTENCY_KEY_PLACEHOLDER = 'e.g. blacklist-competitors-2025';

export const BLACKLISTS_PATH = '/api/v1/blacklists';

export function blacklistPath(blacklistId: string, suffix = ''): string {
	return `${BLACKLISTS_PATH}/${encodeURIComponent(blacklistId)}${suffix}`;
}
