import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../helpers/params';
import { invalidParameter, readId } from '../../helpers/validation';

export function readBlacklistId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'blacklistId', 'Blacklist');
}

export function blacklistPath(blacklistId: string, suffix = ''): string {
	return `/api/v1/blacklists/${encodeURIComponent(blacklistId)}${suffix}`;
}

/** Options of a list operation: only the query escape hatch. */
export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. blacklist-competitors-2025',
	description:
		'Sent as the Idempotency-Key header so a repeated request is not applied twice. Leave empty to let the node derive one from the execution, item and request body. Reuse a key only with the same request.',
};

function listFromString(raw: string): unknown[] {
	const trimmed = raw.trim();
	if (trimmed.startsWith('[')) {
		try {
			const parsed = JSON.parse(trimmed) as unknown;
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON after all: read it as a comma-separated list.
		}
	}
	return trimmed.split(',');
}

/**
 * Reads a list of IDs given as a comma-separated string, a JSON array string, or an array (from an
 * expression or an AI agent). Values are trimmed; empty ones and duplicates are dropped.
 */
export function readIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string[] {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const values = Array.isArray(raw) ? raw : listFromString(String(raw ?? ''));
	const ids: string[] = [];
	for (const value of values) {
		if (isObject(value) || Array.isArray(value)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`${JSON.stringify(value)} is not an ID`,
				'Give a list of IDs, e.g. id-1, id-2 or {{ ["id-1", "id-2"] }}.',
			);
		}
		const id = String(value ?? '').trim();
		if (id === '') continue;
		if (/[/?#]/.test(id)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`"${id}" is not an ID (it contains / ? or #)`,
			);
		}
		ids.push(id);
	}
	return [...new Set(ids)];
}
