import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, normaliseBaseUrl } from '../helpers/baseUrl';
import type { CancelSignal } from '../helpers/sleep';
import { sleepUnlessCancelled } from '../helpers/sleep';
import { DEFAULT_TIMEOUT_MS } from './deadline';
import { buildApiError } from './errors';
import type { ApiResponse, FailedOutcome, Outcome, RequestErrorContext } from './outcome';
import { networkOutcome, responseOutcome } from './outcome';
import type { AttemptFailure, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, mayRetry, retryDelayMs } from './retry';

export const CREDENTIAL_TYPE = 'openProspectApi';
export { DEFAULT_TIMEOUT_MS };

export type OpenProspectContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path from the host, starting with `/api/v1/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Sent as the `Idempotency-Key` header. */
	idempotencyKey?: string;
	/**
	 * The endpoint is documented to honour `Idempotency-Key`: only then is a POST or PATCH with a
	 * key resent after an ambiguous failure (5xx, reset, timeout).
	 */
	serverDeduplicates?: boolean;
	itemIndex?: number;
	timeoutMs?: number;
	policy?: RetryPolicy;
	/** What the user can do to check the outcome of a write that may or may not have happened. */
	outcomeCheckHint?: string;
	/** Already-read credential data, so a loop over pages reads (and decrypts) it only once. */
	credentials?: ICredentialDataDecryptedObject;
	/** Told before each retry (what failed, how long until the next attempt). */
	onRetry?: (failure: AttemptFailure, delayMs: number) => void;
}

export type { ApiResponse };

interface PreparedRequest {
	options: IHttpRequestOptions;
	/** Handed to n8n's request helper, which would otherwise read the credential a second time. */
	decrypted: {
		credentialsDecrypted: {
			id: string;
			name: string;
			type: string;
			data: ICredentialDataDecryptedObject;
		};
	};
	errorContext: RequestErrorContext;
	timeoutMs: number;
}

/** Reads the credential once, refuses an unusable base URL, and builds the request options. */
async function prepareRequest(
	context: OpenProspectContext,
	request: ApiRequest,
): Promise<PreparedRequest> {
	const node = context.getNode();
	const credentials =
		request.credentials ??
		(await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
	const problem = baseUrlProblem(credentials.baseUrl);
	if (problem) {
		throw new NodeOperationError(node, problem, {
			itemIndex: request.itemIndex,
			description: 'Open the OpenProspect API credential and correct its Base URL.',
		});
	}
	const method = request.method.toUpperCase() as IHttpRequestMethods;
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	const rawKey = String(credentials.apiKey ?? '');
	return {
		options: {
			method,
			baseURL: normaliseBaseUrl(credentials.baseUrl),
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers,
			json: true,
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			arrayFormat: 'repeat',
		},
		decrypted: {
			credentialsDecrypted: {
				id: node.id,
				name: CREDENTIAL_TYPE,
				type: CREDENTIAL_TYPE,
				data: credentials,
			},
		},
		errorContext: {
			method,
			path: request.path,
			itemIndex: request.itemIndex,
			secrets: [rawKey, rawKey.trim()],
		},
		timeoutMs,
	};
}

export function cancelSignalOf(context: OpenProspectContext): CancelSignal | undefined {
	if (
		'getExecutionCancelSignal' in context &&
		typeof context.getExecutionCancelSignal === 'function'
	) {
		return context.getExecutionCancelSignal();
	}
	return undefined;
}

function cancelledError(context: OpenProspectContext, itemIndex?: number) {
	return new NodeOperationError(context.getNode(), 'The execution was cancelled', { itemIndex });
}

async function attempt(context: OpenProspectContext, prepared: PreparedRequest): Promise<Outcome> {
	const node = context.getNode();
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			{ ...prepared.options, headers: { ...prepared.options.headers } },
			prepared.decrypted,
		)) as IN8nHttpFullResponse;
		return responseOutcome(node, response, prepared.errorContext, Date.now());
	} catch (error) {
		return networkOutcome(node, error, prepared.errorContext, prepared.timeoutMs);
	}
}

const GENERIC_OUTCOME_HINT =
	'Check in OpenProspect (or with the matching Get or Get Many operation) whether the change was applied before trying again.';

function isWrite(method: string) {
	return method === 'POST' || method === 'PATCH';
}

function describeFailure(outcome: FailedOutcome): string {
	const { status } = outcome.failure;
	if (status === undefined) return 'The connection failed or timed out';
	if (outcome.redirectTo !== undefined)
		return `OpenProspect answered with a redirect (HTTP ${status}) to ${outcome.redirectTo}, which was not followed,`;
	return `OpenProspect answered HTTP ${status}`;
}

/** The error for a write whose failure leaves open whether the server applied it. */
function outcomeUnknownError(
	context: OpenProspectContext,
	request: ApiRequest,
	prepared: PreparedRequest,
	outcome: FailedOutcome,
): NodeApiError {
	const { method, path } = prepared.errorContext;
	return buildApiError(context.getNode(), {
		...prepared.errorContext,
		status: outcome.failure.status,
		headers: outcome.headers,
		message: `The outcome of ${method} ${path} is unknown: OpenProspect may or may not have applied it`,
		hint: `${describeFailure(outcome)} after the request was sent. To avoid a duplicate it was not sent again. ${request.outcomeCheckHint ?? GENERIC_OUTCOME_HINT}${request.serverDeduplicates ? '' : " Check before running it again: n8n's Retry On Fail (or running the workflow again) would send it a second time."}`,
		outcomeUnknown: true,
	});
}

/**
 * Whether the server may have acted on a request that failed this way: no answer (reset, timeout),
 * a 5xx, or a redirect (a 303 after a create is a common "done, look there"). A refused connection,
 * a 429 and other 4xx prove nothing was applied.
 */
function mayHaveApplied(failure: FailedOutcome['failure']): boolean {
	if (failure.notSent) return false;
	const { status } = failure;
	return status === undefined || status >= 500 || (status >= 300 && status < 400);
}

/** The error to throw when no further attempt is made. */
function finalError(
	context: OpenProspectContext,
	request: ApiRequest,
	prepared: PreparedRequest,
	outcome: FailedOutcome,
	retryable: boolean,
): NodeApiError {
	const ambiguous =
		isWrite(prepared.errorContext.method) && !retryable && mayHaveApplied(outcome.failure);
	return ambiguous ? outcomeUnknownError(context, request, prepared, outcome) : outcome.error;
}

/**
 * A DELETE resent after a failure that may have applied it, answered 404: the first attempt most
 * likely deleted the record. Only then is a 404 read as done.
 */
function isRepeatedDelete(method: string, outcome: FailedOutcome, earlierMayHaveApplied: boolean) {
	return method === 'DELETE' && earlierMayHaveApplied && outcome.failure.status === 404;
}

/**
 * The single way this package talks to OpenProspect: authentication through n8n's credential,
 * a per-request timeout, retries that never duplicate a write, and errors mapped to NodeApiError.
 * Returns the parsed JSON body (undefined for an empty body, e.g. 204), the headers (lower-case
 * names) and the status code.
 */
export async function apiRequestFull(
	this: OpenProspectContext,
	request: ApiRequest,
): Promise<ApiResponse> {
	const prepared = await prepareRequest(this, request);
	const { method } = prepared.errorContext;
	const policy = request.policy ?? DEFAULT_RETRY_POLICY;
	const signal = cancelSignalOf(this);
	const resendable = request.serverDeduplicates === true && request.idempotencyKey !== undefined;
	let earlierMayHaveApplied = false;
	for (let attemptNumber = 1; ; attemptNumber++) {
		if (signal?.aborted) throw cancelledError(this, request.itemIndex);
		const outcome = await attempt(this, prepared);
		if (outcome.kind === 'done') return outcome.response;
		if (signal?.aborted) throw cancelledError(this, request.itemIndex);
		if (isRepeatedDelete(method, outcome, earlierMayHaveApplied)) {
			this.logger.debug(
				`OpenProspect DELETE ${request.path}: 404 after a retry; an earlier attempt most likely deleted it, so it counts as done`,
			);
			return { body: undefined, headers: outcome.headers ?? {}, statusCode: 404 };
		}
		earlierMayHaveApplied ||= mayHaveApplied(outcome.failure);
		const retryable = mayRetry(method, outcome.failure, resendable);
		const delay =
			retryable && attemptNumber < policy.maxAttempts
				? retryDelayMs({
						retryNumber: attemptNumber,
						retryAfterMs: outcome.retryAfterMs,
						random: Math.random(),
						policy,
					})
				: undefined;
		if (delay === undefined) throw finalError(this, request, prepared, outcome, retryable);
		request.onRetry?.(outcome.failure, delay);
		this.logger.debug(
			`OpenProspect ${method} ${request.path} failed (${outcome.failure.status ?? 'network'}), attempt ${attemptNumber} of ${policy.maxAttempts}; retrying in ${delay} ms`,
		);
		if (!(await sleepUnlessCancelled(delay, signal))) throw cancelledError(this, request.itemIndex);
	}
}

/** Whether an error says a write may or may not have been applied ("outcome unknown"). */
export function isOutcomeUnknown(error: unknown): boolean {
	return error instanceof NodeApiError && error.context?.outcomeUnknown === true;
}
