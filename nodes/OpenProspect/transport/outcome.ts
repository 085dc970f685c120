/** Turns what one attempt produced (a response, or a network failure) into an outcome. */
import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import type { ApiErrorContext } from './errors';
import { buildApiError, parseErrorBody } from './errors';
import type { AttemptFailure } from './retry';
import { parseRetryAfter } from './retry';

export interface ApiResponse {
	body: unknown;
	/** Response headers, names in lower case. */
	headers: IDataObject;
	statusCode: number;
}

export type Outcome =
	| { kind: 'done'; response: ApiResponse }
	| { kind: 'failed'; failure: AttemptFailure; error: NodeApiError; retryAfterMs?: number };

/** What every error of one request shares: method, path, item, and the secrets to redact. */
export type RequestErrorContext = Pick<ApiErrorContext, 'method' | 'path' | 'itemIndex' | 'secrets'>;

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function lowerCaseHeaders(headers: unknown): IDataObject {
	const result: IDataObject = {};
	if (typeof headers !== 'object' || headers === null) return result;
	for (const [name, value] of Object.entries(headers as IDataObject)) {
		result[name.toLowerCase()] = value;
	}
	return result;
}

/**
 * A 2xx is done (unless its body is text that is not JSON: a cut-off or proxy answer, treated
 * like a 502). Any other status is a failure; its body is parsed once, for the error and for a
 * `retry_after` hint.
 */
export function responseOutcome(
	node: INode,
	response: { body?: unknown; headers?: unknown; statusCode: number },
	context: RequestErrorContext,
	nowMs: number,
): Outcome {
	const status = response.statusCode;
	const headers = lowerCaseHeaders(response.headers);
	const body = response.body;
	if (status >= 200 && status < 300) {
		if (typeof body === 'string' && body.trim() !== '') {
			return {
				kind: 'failed',
				failure: { status: 502 },
				error: buildApiError(node, {
					...context,
					status,
					headers,
					message: 'OpenProspect returned a response that is not valid JSON',
					hint: 'The response was cut off or came from a proxy rather than from the API.',
				}),
			};
		}
		return { kind: 'done', response: { body: body === '' ? undefined : body, headers, statusCode: status } };
	}
	const parsed = parseErrorBody(body);
	const bodyRetryAfter =
		parsed.retryAfterSeconds !== undefined ? parsed.retryAfterSeconds * 1000 : undefined;
	return {
		kind: 'failed',
		failure: { status },
		retryAfterMs: parseRetryAfter(headers['retry-after'], nowMs) ?? bodyRetryAfter,
		error: buildApiError(node, { ...context, status, headers, body, parsed }),
	};
}

interface NetworkCause {
	code?: string;
	message?: string;
}

function networkCause(error: unknown): NetworkCause {
	const candidate = (error as { cause?: unknown })?.cause ?? error;
	if (typeof candidate !== 'object' || candidate === null) return {};
	const { code, message } = candidate as { code?: unknown; message?: unknown };
	return {
		code: typeof code === 'string' ? code : undefined,
		message: typeof message === 'string' ? message : undefined,
	};
}

function formatMs(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** One sentence for a request that got no usable HTTP response. */
function describeNetworkFailure(cause: NetworkCause, timeoutMs: number): string {
	const timedOut =
		cause.code === 'ECONNABORTED' ||
		cause.code === 'ETIMEDOUT' ||
		/timeout|timed out/i.test(cause.message ?? '');
	if (timedOut) return `OpenProspect did not answer within ${formatMs(timeoutMs)}`;
	const code = cause.code ? ` (${cause.code})` : '';
	if (cause.code !== undefined && NOT_SENT_CODES.has(cause.code))
		return `Could not reach OpenProspect${code}`;
	return `The connection to OpenProspect failed before a complete answer arrived${code}`;
}

/** A request that got no HTTP response: refused (nothing sent), reset or timed out. */
export function networkOutcome(
	node: INode,
	error: unknown,
	context: RequestErrorContext,
	timeoutMs: number,
): Outcome {
	const cause = networkCause(error);
	return {
		kind: 'failed',
		failure: { notSent: cause.code !== undefined && NOT_SENT_CODES.has(cause.code) },
		error: buildApiError(node, {
			...context,
			message: describeNetworkFailure(cause, timeoutMs),
			hint: cause.message,
		}),
	};
}
