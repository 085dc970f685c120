/**
 * Pure polling loop for long-running OpenProspect jobs (orders, search-profile creations). Time,
 * sleeping and cancellation are injected, so tests drive it with a fake clock and nothing waits.
 */

/** Each wait between polls is this much longer than the one before, up to `maxIntervalMs`. */
export const BACKOFF_FACTOR = 1.5;

export interface WaitForCompletionOptions<T> {
	/** Reads the job's current state (e.g. GET /api/v1/orders/{id}). */
	getStatus: () => Promise<T>;
	/** Milliseconds since the epoch (Date.now in production). */
	now: () => number;
	/** Waits `ms`; resolving to `false` means the wait was cut short by cancellation. */
	sleep: (ms: number) => Promise<boolean | void>;
	isCancelled: () => boolean;
	/** Whether this state is final (success or failure). */
	terminal: (state: T) => boolean;
	maxWaitMs: number;
	/** The first wait between polls. */
	intervalMs: number;
	maxIntervalMs: number;
	/** A 404 within this long after the start is taken as "not visible yet" rather than an error. */
	notFoundGraceMs: number;
	/**
	 * The state already known (e.g. from the create response). When given, the loop waits before its
	 * first poll, and returns at once if this state is terminal.
	 */
	initial?: T;
	/** Whether an error from `getStatus` is a 404. Default: an n8n error with httpCode '404'. */
	isNotFound?: (error: unknown) => boolean;
}

export interface WaitForCompletionResult<T> {
	outcome: 'terminal' | 'timeout' | 'cancelled';
	/** The newest state read (or `initial`); undefined when no poll has succeeded yet. */
	last: T | undefined;
}

export function isNotFoundError(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		String((error as { httpCode?: unknown }).httpCode) === '404'
	);
}

/**
 * Polls until the state is terminal, `maxWaitMs` has passed (the last poll happens at the deadline),
 * or the execution is cancelled. Waits grow from `intervalMs` by BACKOFF_FACTOR up to
 * `maxIntervalMs` (never shrinking). Errors other than a 404 within the grace period are thrown.
 */
export async function waitForCompletion<T>(
	options: WaitForCompletionOptions<T>,
): Promise<WaitForCompletionResult<T>> {
	const isNotFound = options.isNotFound ?? isNotFoundError;
	const start = options.now();
	const elapsed = () => options.now() - start;
	let last = options.initial;
	let interval = Math.max(0, options.intervalMs);
	let pollNow = options.initial === undefined;

	if (last !== undefined && options.terminal(last)) return { outcome: 'terminal', last };
	for (;;) {
		if (options.isCancelled()) return { outcome: 'cancelled', last };
		if (pollNow) {
			// `then`, not try/catch: the caller's errors pass through unchanged (lint forbids a rethrow).
			const read = await options.getStatus().then(
				(state) => ({ state }),
				(error: unknown) => ({ error }),
			);
			if ('state' in read) {
				last = read.state;
				if (options.terminal(last)) return { outcome: 'terminal', last };
			} else if (!(isNotFound(read.error) && elapsed() < options.notFoundGraceMs)) {
				throw read.error;
			}
		}
		pollNow = true;
		const remaining = options.maxWaitMs - elapsed();
		if (remaining <= 0) return { outcome: 'timeout', last };
		const slept = await options.sleep(Math.min(interval, remaining));
		if (slept === false) return { outcome: 'cancelled', last };
		interval = Math.max(
			interval,
			Math.min(options.maxIntervalMs, Math.round(interval * BACKOFF_FACTOR)),
		);
	}
}
