/** Pure retry policy: which failures are retried, and how long to wait before the next attempt. */

export interface RetryPolicy {
	/** Total attempts, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A server asking for a longer pause than this is not waited for: the error surfaces at once. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 60_000,
};

/** What went wrong with one attempt. `status` is absent for a network failure or timeout. */
export interface AttemptFailure {
	status?: number;
	/** Sent before the server could have acted on it (a refused connection): safe to resend. */
	notSent?: boolean;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isTransientFailure(failure: AttemptFailure): boolean {
	return failure.status === undefined || failure.status === 429 || failure.status >= 500;
}

/**
 * GET, PUT and DELETE are retried on 429, 5xx and network errors. POST and PATCH only when the
 * server cannot have acted on the request (429, connection refused), or when `deduplicated`: the
 * request carries an Idempotency-Key AND the endpoint is documented to honour it. Elsewhere a
 * resend after a 5xx, a reset or a timeout could create a second order. Other 4xx prove nothing
 * was applied, but resending the same request would get the same answer: never retried.
 */
export function mayRetry(method: string, failure: AttemptFailure, deduplicated: boolean): boolean {
	if (!isTransientFailure(failure)) return false;
	if (IDEMPOTENT_METHODS.has(method.toUpperCase()) || deduplicated) return true;
	return failure.status === 429 || failure.notSent === true;
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** The three HTTP-date forms of RFC 9110: IMF-fixdate, obsolete RFC 850, and asctime. */
const HTTP_DATE = new RegExp(
	`^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/** Parses an HTTP date (any of its three forms) to epoch milliseconds, or undefined. */
export function parseHttpDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || !HTTP_DATE.test(value.trim())) return undefined;
	const trimmed = value.trim();
	// asctime has no zone: it is GMT by definition.
	const ms = Date.parse(trimmed.endsWith('GMT') ? trimmed : `${trimmed} GMT`);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Parses `Retry-After`: delta-seconds (a non-negative integer) or an HTTP date, measured from
 * `nowMs` (the server's own `Date` header when it sent one, so clock skew does not matter).
 * Anything else (`-5`, `1.5`, `soon`) is ignored. Returns milliseconds, or undefined.
 */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
	const value = Array.isArray(header) ? (header as unknown[])[0] : header;
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const date = parseHttpDate(trimmed);
	return date === undefined ? undefined : Math.max(0, date - nowMs);
}

export interface DelayInput {
	/** 1 for the wait after the first failed attempt. */
	retryNumber: number;
	/** From the Retry-After header or a body `retry_after`, in milliseconds. */
	retryAfterMs?: number;
	/** A number in [0, 1), injected so tests are deterministic. */
	random: number;
	policy?: RetryPolicy;
}

/**
 * Milliseconds to wait before the next attempt, or undefined when the server asks for a pause longer
 * than the policy accepts. Without a server hint: capped exponential backoff with "equal jitter"
 * (half fixed, half random), so parallel executions spread out but still back off.
 */
export function retryDelayMs({
	retryNumber,
	retryAfterMs,
	random,
	policy = DEFAULT_RETRY_POLICY,
}: DelayInput): number | undefined {
	if (retryAfterMs !== undefined) {
		if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
		// Never below the server's hint, plus at most a tenth of it (≤ 1 s) so parallel executions
		// do not return in lock-step; more would leave a refilled rate-limit bucket idle.
		return Math.ceil(retryAfterMs + random * Math.min(1000, retryAfterMs / 10));
	}
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
	return Math.round(exponential / 2 + (random * exponential) / 2);
}
