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
import { buildApiError, parseErrorBody } from './errors';
import { hasNextPage, nextPagePlan, readPage } from './pagination';
import type { AttemptFailure, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, mayRetry, parseRetryAfter, retryDelayMs } from './retry';

export const CREDENTIAL_TYPE = 'openProspectApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

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
	/** Makes a POST safe to resend; sent as the `Idempotency-Key` header. */
	idempotencyKey?: string;
	itemIndex?: number;
	timeoutMs?: number;
	policy?: RetryPolicy;
	/** What the user can do to check the outcome of a write that may or may not have happened. */
	outcomeCheckHint?: string;
	/** Already-read credential data, so a loop over pages reads (and decrypts) it only once. */
	credentials?: ICredentialDataDecryptedObject;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

interface HttpFailureCause {
	code?: string;
	message?: string;
}

function networkCause(error: unknown): HttpFailureCause {
	const candidate = (error as { cause?: unknown })?.cause ?? error;
	if (typeof candidate !== 'object' || candidate === null) return {};
	const { code, message } = candidate as { code?: unknown; message?: unknown };
	return {
		code: typeof code === 'string' ? code : undefined,
		message: typeof message === 'string' ? message : undefined,
	};
}

/** One sentence for a request that got no usable HTTP response. */
function describeNetworkFailure(cause: HttpFailureCause, timeoutMs: number): string {
	const timedOut =
		cause.code === 'ECONNABORTED' ||
		cause.code === 'ETIMEDOUT' ||
		/timeout/i.test(cause.message ?? '');
	if (timedOut) {
		const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
		return `OpenProspect did not answer within ${limit}`;
	}
	const code = cause.code ? ` (${cause.code})` : '';
	if (cause.code !== undefined && NOT_SENT_CODES.has(cause.code))
		return `Could not reach OpenProspect${code}`;
	return `The connection to OpenProspect failed before a complete answer arrived${code}`;
}

function cancelSignalOf(context: OpenProspectContext): CancelSignal | undefined {
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

function isWrite(method: string) {
	return method === 'POST' || method === 'PATCH';
}

function defaultOutcomeHint(path: string): string {
	if (path.startsWith('/api/v1/orders'))
		return 'Use Order > Get Many to see whether the order was created before trying again.';
	if (path.includes('/entries'))
		return 'Use Blacklist > Get Entries to see whether the entries were added before trying again.';
	if (path.startsWith('/api/v1/blacklists'))
		return 'Use Blacklist > Get Many to see whether the blacklist was created or changed before trying again.';
	if (path.startsWith('/api/v1/search-profile-creations'))
		return 'Run Search Profile > Create again with the same Idempotency-Key: OpenProspect returns the existing creation instead of making a second one.';
	return 'Get the record again to see whether the change was applied before trying again.';
}

/**
 * The single way this package talks to OpenProspect: authentication through n8n's credential,
 * a per-request timeout, retries that never duplicate a write, and errors mapped to NodeApiError.
 * Returns the parsed JSON body (undefined for an empty body, e.g. 204).
 */
export async function apiRequest(this: OpenProspectContext, request: ApiRequest): Promise<unknown> {
	const node = this.getNode();
	const credentials =
		request.credentials ??
		(await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
	// Handed to n8n's request helper too, which would otherwise read the credential a second time.
	const decrypted = {
		credentialsDecrypted: {
			id: node.id,
			name: CREDENTIAL_TYPE,
			type: CREDENTIAL_TYPE,
			data: credentials,
		},
	};
	const problem = baseUrlProblem(credentials.baseUrl);
	if (problem) {
		throw new NodeOperationError(node, problem, {
			itemIndex: request.itemIndex,
			description: 'Open the OpenProspect API credential and correct its Base URL.',
		});
	}
	const baseUrl = normaliseBaseUrl(credentials.baseUrl);
	const secrets = [String(credentials.apiKey ?? '')];
	const method = request.method.toUpperCase() as IHttpRequestMethods;
	const policy = request.policy ?? DEFAULT_RETRY_POLICY;
	const signal = cancelSignalOf(this);
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	const errorContext = { method, path: request.path, itemIndex: request.itemIndex, secrets };

	for (let attempt = 1; ; attempt++) {
		if (signal?.aborted) throw cancelledError(this, request.itemIndex);
		const options: IHttpRequestOptions = {
			method,
			baseURL: baseUrl,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { ...headers },
			json: true,
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			arrayFormat: 'repeat',
		};

		let failure: AttemptFailure;
		let retryAfterMs: number | undefined;
		let finalError: NodeApiError;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
				decrypted,
			)) as IN8nHttpFullResponse;
			const status = response.statusCode;
			const responseHeaders = response.headers as IDataObject;
			if (status >= 200 && status < 300) {
				const body = response.body as unknown;
				if (typeof body === 'string' && body.trim() !== '') {
					// A 2xx whose body is not JSON (cut off by a proxy, or a broken gateway).
					failure = { status: 502 };
					finalError = buildApiError(node, {
						...errorContext,
						status,
						headers: responseHeaders,
						message: 'OpenProspect returned a response that is not valid JSON',
						hint: 'The response was cut off or came from a proxy rather than from the API.',
					});
				} else {
					return body === '' ? undefined : body;
				}
			} else {
				failure = { status };
				retryAfterMs =
					parseRetryAfter(responseHeaders?.['retry-after'], Date.now()) ??
					((parseErrorBody(response.body).retryAfterSeconds ?? -1) >= 0
						? (parseErrorBody(response.body).retryAfterSeconds as number) * 1000
						: undefined);
				finalError = buildApiError(node, {
					...errorContext,
					status,
					headers: responseHeaders,
					body: response.body,
				});
			}
		} catch (error) {
			if (signal?.aborted) throw cancelledError(this, request.itemIndex);
			const cause = networkCause(error);
			failure = { notSent: cause.code !== undefined && NOT_SENT_CODES.has(cause.code) };
			finalError = buildApiError(node, {
				...errorContext,
				message: describeNetworkFailure(cause, request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
				hint: cause.message,
			});
		}

		const retryable = mayRetry(method, failure, request.idempotencyKey !== undefined);
		const delay =
			retryable && attempt < policy.maxAttempts
				? retryDelayMs({ retryNumber: attempt, retryAfterMs, random: Math.random(), policy })
				: undefined;
		if (delay === undefined) {
			const unknownOutcome =
				isWrite(method) &&
				!retryable &&
				(failure.status === undefined || failure.status >= 500) &&
				!failure.notSent;
			if (unknownOutcome) {
				throw buildApiError(node, {
					...errorContext,
					status: failure.status,
					message: `The outcome of ${method} ${request.path} is unknown: OpenProspect may or may not have applied it`,
					hint: `${failure.status === undefined ? 'The connection failed or timed out' : `OpenProspect answered HTTP ${failure.status}`} after the request was sent. To avoid a duplicate it was not sent again. ${request.outcomeCheckHint ?? defaultOutcomeHint(request.path)}`,
				});
			}
			throw finalError;
		}
		this.logger.debug(
			`OpenProspect ${method} ${request.path} failed (${failure.status ?? 'network'}), attempt ${attempt} of ${policy.maxAttempts}; retrying in ${delay} ms`,
		);
		if (!(await sleepUnlessCancelled(delay, signal))) throw cancelledError(this, request.itemIndex);
	}
}

export interface AllItemsRequest extends Omit<ApiRequest, 'method' | 'body'> {
	/** Undefined: every page (Return All). A number: stop after that many records. */
	limit?: number;
	/** Called with each page's records as they arrive, so large results need not be held twice. */
	onPage?: (items: IDataObject[]) => void;
	maxPages?: number;
}

/**
 * Reads an offset-paginated list: page size 100, stopping on `has_more: false`, on
 * `offset + count >= total`, or on an empty or short page. With a limit L it reads exactly
 * ceil(L/100) pages and never returns more than L records.
 */
export async function apiRequestAllItems(
	this: OpenProspectContext,
	request: AllItemsRequest,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let count = 0;
	let offset = 0;
	const maxPages = request.maxPages ?? 100_000;
	let previousFirst: string | undefined;
	const credentials =
		request.credentials ??
		(await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
	for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
		const plan = nextPagePlan(offset, count, request.limit);
		if (plan.limit <= 0) break;
		const body = await apiRequest.call(this, {
			...request,
			credentials,
			method: 'GET',
			qs: { ...request.qs, limit: plan.limit, offset: plan.offset },
		});
		const page = readPage(body);
		if (page === undefined) {
			throw new NodeApiError(
				this.getNode(),
				{ message: 'Unexpected list response' },
				{
					message: `OpenProspect returned something that is not a list for GET ${request.path}`,
					description: 'Expected an object with an "items" (or "orders") array, or an array.',
					itemIndex: request.itemIndex,
				},
			);
		}
		const fresh =
			request.limit === undefined ? page.items : page.items.slice(0, request.limit - count);
		const first = fresh.length > 0 ? JSON.stringify(fresh[0]) : undefined;
		if (first !== undefined && first === previousFirst) break; // the server ignores `offset`
		previousFirst = first;
		count += fresh.length;
		if (request.onPage) request.onPage(fresh);
		else collected.push(...fresh);
		if (!hasNextPage(page, offset, plan.limit)) break;
		offset += page.items.length;
	}
	return collected;
}
