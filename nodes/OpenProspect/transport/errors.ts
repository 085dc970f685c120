import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isObject } from '../helpers/json';

/** What the API said, whatever documented (or undocumented) error format it used. */
export interface ParsedApiError {
	code?: string;
	message?: string;
	details?: unknown;
	requiredScopes?: string[];
	grantedScopes?: string[];
	retryAfterSeconds?: number;
	entityType?: string;
	identifier?: string;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid'];

function asString(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function asStringArray(value: unknown): string[] | undefined {
	return Array.isArray(value) ? value.map((entry) => String(entry)) : undefined;
}

function asSeconds(value: unknown): number | undefined {
	const seconds = typeof value === 'string' ? Number(value) : value;
	return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
		? seconds
		: undefined;
}

/** FastAPI answers `{detail: "text"}` or `{detail: [{loc, msg, type}]}`. */
function describeFastApiDetail(detail: unknown): string | undefined {
	if (typeof detail === 'string') return detail;
	if (!Array.isArray(detail)) return undefined;
	const parts = detail.map((entry) => {
		if (!isObject(entry)) return String(entry);
		const location = Array.isArray(entry.loc) ? entry.loc.join('.') : undefined;
		const text = asString(entry.msg) ?? JSON.stringify(entry);
		return location ? `${location}: ${text}` : text;
	});
	return parts.join('; ');
}

/** Turns a non-JSON body (an HTML gateway page, plain text) into one readable line. */
export function summariseTextBody(text: string): string | undefined {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
	const plain = (title ?? text.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
	if (plain === '') return undefined;
	return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/**
 * Reads every error format the OpenProspect docs show, in the documented order of preference:
 * `{code, message, details}` (and its flat variant with `entity_type`/`identifier`),
 * `{error: {code, message, details}}`, `{error: "CODE", message, retry_after}`, FastAPI `detail`,
 * and finally plain text or HTML.
 */
export function parseErrorBody(body: unknown): ParsedApiError {
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{')) {
			try {
				return parseErrorBody(JSON.parse(trimmed) as unknown);
			} catch {
				// Not JSON after all: fall through to the text summary.
			}
		}
		return { message: summariseTextBody(trimmed) };
	}
	if (!isObject(body)) return {};

	const source: IDataObject = isObject(body.error) ? body.error : body;
	const parsed: ParsedApiError = {
		code: asString(source.code) ?? (typeof body.error === 'string' ? body.error : undefined),
		message: asString(source.message) ?? asString(body.message),
		details: source.details ?? body.details,
		retryAfterSeconds: asSeconds(source.retry_after ?? body.retry_after),
		entityType: asString(source.entity_type),
		identifier: asString(source.identifier),
	};
	if (parsed.message === undefined) {
		parsed.message = describeFastApiDetail(body.detail) ?? asString(body.error_description);
	}
	if (parsed.details === undefined && Array.isArray(body.detail)) {
		parsed.details = body.detail;
	}
	if (isObject(parsed.details)) {
		parsed.requiredScopes = asStringArray(parsed.details.required_scopes);
		parsed.grantedScopes = asStringArray(
			parsed.details.user_scopes ?? parsed.details.granted_scopes,
		);
	}
	return parsed;
}

export function findRequestId(headers: IDataObject | undefined, body: unknown): string | undefined {
	for (const name of REQUEST_ID_HEADERS) {
		const value = headers?.[name];
		if (typeof value === 'string' && value !== '') return value;
	}
	if (isObject(body))
		return (
			asString(body.request_id) ??
			(isObject(body.error) ? asString(body.error.request_id) : undefined)
		);
	return undefined;
}

const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of a secret, so an API key echoed by a server or proxy never leaks.
 * A secret that is part of the marker itself (e.g. "dact") gets a marker without letters.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	return secrets
		.filter((secret) => secret.length >= 4)
		.reduce(
			(result, secret) => result.split(secret).join(REDACTED.includes(secret) ? '***' : REDACTED),
			text,
		);
}

/** `value` with every string in it (at any depth) redacted. */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry: unknown) => redactDeep(entry, secrets)) as T;
	if (typeof value !== 'object' || value === null) return value;
	const result: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		result[redactSecrets(key, secrets)] = redactDeep(entry, secrets);
	}
	return result as T;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the parameters of this node against the OpenProspect API reference.',
	401: 'Check the API key in the OpenProspect API credential: it may be mistyped, expired or revoked.',
	403: 'Give the API key the missing scopes in OpenProspect (Settings > Developer > API Keys), or use a key that has them.',
	404: 'Check the ID: the record does not exist or belongs to another organization.',
	409: 'The record changed or is not in the right state yet. Fetch it again and retry.',
	422: 'The request did not pass OpenProspect’s validation; see the details.',
	429: 'OpenProspect is rate limiting this API key. Retry later, or lower the number of items per execution.',
};

const CODE_HINTS: Record<string, string> = {
	ORDER_NOT_COMPLETED:
		'Results are available once the order is COMPLETED. Use "Wait for Completion" on Order > Create, or the OpenProspect Trigger (Order Finished).',
	IDEMPOTENCY_KEY_REUSED:
		'This Idempotency-Key was already used with a different request body. Use a new key for a different request (or leave the key empty to let the node derive one).',
	VERSION_CONFLICT:
		'The prospect search was changed by someone else. Get it again to read the current version, then retry the update with that version.',
};

export interface ApiErrorContext {
	status?: number;
	method: string;
	path: string;
	body?: unknown;
	headers?: IDataObject;
	itemIndex?: number;
	secrets: string[];
	/** Overrides the message, e.g. for "outcome unknown" or network failures. */
	message?: string;
	/** Extra sentence placed before the technical details. */
	hint?: string;
	/** The body, already parsed by the caller (parsed here otherwise). */
	parsed?: ParsedApiError;
	/** A write that may or may not have been applied: marked in the error's context. */
	outcomeUnknown?: boolean;
}

/** Builds the NodeApiError users see. Only plain data goes in: never the request (it holds the key). */
export function buildApiError(node: INode, context: ApiErrorContext): NodeApiError {
	const parsed = context.parsed ?? parseErrorBody(context.body);
	const requestId = findRequestId(context.headers, context.body);
	const statusText = context.status !== undefined ? `HTTP ${context.status}` : 'no HTTP response';
	const message =
		context.message ??
		parsed.message ??
		(context.status !== undefined
			? `OpenProspect answered ${statusText}`
			: 'OpenProspect could not be reached');

	const lines: string[] = [];
	const hint =
		context.hint ??
		(parsed.code !== undefined ? CODE_HINTS[parsed.code] : undefined) ??
		(context.status !== undefined ? STATUS_HINTS[context.status] : undefined);
	if (hint) lines.push(hint);
	if (parsed.code) lines.push(`Code: ${parsed.code}`);
	lines.push(`Status: ${statusText}`);
	lines.push(`Request: ${context.method} ${context.path}`);
	if (parsed.requiredScopes) lines.push(`Required scopes: ${parsed.requiredScopes.join(', ')}`);
	if (parsed.grantedScopes)
		lines.push(`Scopes of this API key: ${parsed.grantedScopes.join(', ') || '(none)'}`);
	if (parsed.entityType || parsed.identifier) {
		lines.push(`Record: ${[parsed.entityType, parsed.identifier].filter(Boolean).join(' ')}`);
	}
	if (parsed.details !== undefined && parsed.details !== null && parsed.requiredScopes === undefined) {
		lines.push(`Details: ${JSON.stringify(parsed.details)}`);
	}
	if (parsed.retryAfterSeconds !== undefined)
		lines.push(`Retry after: ${parsed.retryAfterSeconds} s`);
	if (requestId) lines.push(`Request ID: ${requestId}`);

	const redact = (text: string) => redactSecrets(text, context.secrets);
	// Stored with the execution: every string the server sent is redacted, not only the message.
	const response: JsonObject = redactDeep<JsonObject>({
		message: redact(message),
		code: parsed.code ?? null,
		httpCode: context.status !== undefined ? String(context.status) : null,
		method: context.method,
		path: context.path,
		requestId: requestId ?? null,
		requiredScopes: parsed.requiredScopes ?? null,
		grantedScopes: parsed.grantedScopes ?? null,
	}, context.secrets);
	const error = new NodeApiError(node, response, {
		message: redact(message),
		description: redact(lines.join('\n')),
		httpCode: context.status !== undefined ? String(context.status) : undefined,
		itemIndex: context.itemIndex,
	});
	// NodeApiError swaps known HTTP codes for generic texts; the API's own message is more useful.
	error.message = redact(message);
	if (context.outcomeUnknown) error.context.outcomeUnknown = true;
	return error;
}
