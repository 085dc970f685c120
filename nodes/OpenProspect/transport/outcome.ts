/** Turns what one attempt produced (a response, or a network failure) into an outcome. */
import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import type { ApiErrorContext } from './errors';
import { buildApiError, parseErrorBody } from './errors';
import type { AttemptFailure } from './retry';
import { parseHttpDate, parseRetryAfter } from './retry';

export interface ApiResponse {
	body: unknown;
	/** Response headers, names in lower case. */
	headers: IDataObject;
	statusCode: number;
}

export interface FailedOutcome {
	kind: 'failed';
	failure: AttemptFailure;
	error: NodeApiError;
	retryAfterMs?: number;
	/** The response's headers, when there was a response. */
	headers?: IDataObject;
	/** Where a 3xx pointed, without query or fragment. */
	redirectTo?: string;
}

export type Outcome = { kind: 'done'; response: ApiResponse } | FailedOutcome;

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
 * Where a redirect pointed, for the error message: scheme, host and path only (a query string or
 * a user name could carry secrets).
 */
export function describeLocation(location: unknown): string {
	if (typeof location !== 'string' || location.trim() === '') return 'an unnamed location';
	try {
		const url = new URL(location.trim());
		return `${url.protocol}//${url.host}${url.pathname}`;
	} catch {
		return location.trim().split(/[?#]/)[0];
	}
}

function redirectOutcome(
	node: INode,
	status: number,
	headers: IDataObject,
	context: RequestErrorContext,
): FailedOutcome {
	const redirectTo = describeLocation(headers.location);
	return {
		kind: 'failed',
		failure: { status },
		headers,
		redirectTo,
		error: buildApiError(node, {
			...context,
			status,
			headers,
			message: `OpenProspect answered with a redirect (HTTP ${status}) to ${redirectTo}, which was not followed`,
			hint: 'The API key is never sent on to where a redirect points. Check the Base URL of the OpenProspect API credential (e.g. a moved host, or http:// instead of https://).',
		}),
	};
}

function notJsonOutcome(
	node: INode,
	status: number,
	headers: IDataObject,
	context: RequestErrorContext,
): FailedOutcome {
	return {
		kind: 'failed',
		failure: { status: 502 },
		headers,
		error: buildApiError(node, {
			...context,
			status,
			headers,
			message: 'OpenProspect returned a response that is not valid JSON',
			hint: 'The response was cut off or came from a proxy rather than from the API.',
		}),
	};
}

/**
 * A 2xx is done (unless its body is text that is not JSON: a cut-off or proxy answer, treated
 * like a 502). A 3xx is a failure naming where it pointed (redirects are never followed). Any
 * other status is a failure; its body is parsed once, for the error and for a `retry_after` hint.
 * A `Retry-After` date is measured from the response's own `Date` header when there is one.
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
		if (typeof body === 'string' && body.trim() !== '') return notJsonOutcome(node, status, headers, context);
		return { kind: 'done', response: { body: body === '' ? undefined : body, headers, statusCode: status } };
	}
	if (status >= 300 && status < 400) return redirectOutcome(node, status, headers, context);
	const parsed = parseErrorBody(body);
	const bodyRetryAfter =
		parsed.retryAfterSeconds !== undefined ? parsed.retryAfterSeconds * 1000 : undefined;
	const serverNow = parseHttpDate(headers.date) ?? nowMs;
	return {
		kind: 'failed',
		failure: { status },
		headers,
		retryAfterMs: parseRetryAfter(headers['retry-after'], serverNow) ?? bodyRetryAfter,
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
	// ERR_CANCELED: the request's total deadline passed (a cancelled execution is handled before).
	const timedOut =
		cause.code === 'ECONNABORTED' ||
		cause.code === 'ETIMEDOUT' ||
		cause.code === 'ERR_CANCELED' ||
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
