import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './validation';

/** JSON with sorted object keys, so equal bodies always hash the same. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as IDataObject)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export interface IdempotencyScope {
	workflowId: string;
	executionId: string;
	nodeId: string;
	/** The input item, or a batch label such as `batch-2` for a request built from many items. */
	item: string | number;
}

/**
 * A key that is the same when n8n retries the same item of the same execution (Retry On Fail,
 * or a transport retry), and different for another execution, item or body.
 */
export function deriveIdempotencyKey(scope: IdempotencyScope, body: unknown): string {
	const digest = createHash('sha256')
		.update(
			[
				scope.workflowId,
				scope.executionId,
				scope.nodeId,
				String(scope.item),
				stableStringify(body),
			].join('\n'),
		)
		.digest('hex');
	return `n8n-${digest.slice(0, 40)}`;
}

export function idempotencyScope(
	context: IExecuteFunctions,
	item: string | number,
): IdempotencyScope {
	return {
		workflowId: String(context.getWorkflow().id ?? ''),
		executionId: String(context.getExecutionId() ?? ''),
		nodeId: context.getNode().id,
		item,
	};
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Why a user-given Idempotency Key cannot be sent as it is, or undefined when it can. A header value
 * must be printable ASCII: other characters would be sent garbled (two keys could collide) and a
 * line break would be dropped or refused by the HTTP client, so both are refused rather than
 * changed. Spaces around the key are allowed (HTTP ignores them; the node trims them).
 */
export function idempotencyKeyProblem(key: string): string | undefined {
	const bad = [...key].findIndex((char) => char < ' ' || char > '~');
	if (bad !== -1) {
		const code = [...key][bad].codePointAt(0) ?? 0;
		return `character ${bad + 1} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) is not printable ASCII`;
	}
	if (key.trim().length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		return `is ${key.trim().length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are allowed`;
	}
	return undefined;
}

/** Options > Idempotency Key as the user gave it, trimmed ('' when not given); checked. */
export function readUserIdempotencyKey(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('options.idempotencyKey', itemIndex, '') as unknown;
	const key = raw === null || raw === undefined ? '' : String(raw);
	const problem = idempotencyKeyProblem(key);
	if (problem !== undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Idempotency Key',
			problem,
			'Use printable ASCII only (letters, digits, punctuation, spaces; no line breaks or accented letters), e.g. crm-export-2025-06-01.',
		);
	}
	return key.trim();
}

/**
 * The user's own key when given (Options > Idempotency Key), else a derived one. With several
 * requests per item (batches), `part` keeps each request's key distinct.
 */
export function idempotencyKeyFor(
	context: IExecuteFunctions,
	itemIndex: number,
	body: unknown,
	options: { userKey?: string; part?: string | number; item?: string | number } = {},
): string {
	const suffix = options.part !== undefined ? `-${options.part}` : '';
	if (options.userKey && options.userKey.trim() !== '') return `${options.userKey.trim()}${suffix}`;
	return deriveIdempotencyKey(idempotencyScope(context, options.item ?? itemIndex), body) + suffix;
}
