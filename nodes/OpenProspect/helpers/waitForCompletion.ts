/**
 * Pure polling loop for long-running OpenProspect jobs (orders, search-profile creations), for
 * several jobs at once: one clock, one pause at a time, each job polled on its own schedule. Time,
 * sleeping and cancellation are injected, so tests drive it with a fake clock and nothing waits.
 */

export interface PollTarget<T> {
	/** Reads the job's current state (e.g. GET /api/v1/orders/{id}). */
	getStatus: () => Promise<T>;
	/**
	 * The state already known (e.g. from the create response). When given, the first poll comes
	 * one interval after the start, and a terminal state ends the wait at once.
	 */
	initial?: T;
	/** Whether this state is final (success or failure). */
	terminal: (state: T) => boolean;
	maxWaitMs: number;
	/** The pause after each poll. */
	intervalMs: number;
	/** The pause after each poll once `slowAfterMs` have passed, when longer than `intervalMs`. */
	slowIntervalMs?: number;
}

export interface WaitForAllOptions<T> {
	targets: Array<PollTarget<T>>;
	/** Milliseconds since the epoch (Date.now in production). */
	now: () => number;
	/** Waits `ms`; resolving to `false` means the wait was cut short by cancellation. */
	sleep: (ms: number) => Promise<boolean | void>;
	isCancelled: () => boolean;
	/** From this long after the start on, `slowIntervalMs` applies. */
	slowAfterMs: number;
	/** A 404 within this long after the start is taken as "not visible yet" rather than an error. */
	notFoundGraceMs: number;
	/** Whether an error from `getStatus` is a 404. Default: an n8n error with httpCode '404'. */
	isNotFound?: (error: unknown) => boolean;
}

export type WaitOutcome<T> =
	| { outcome: 'terminal' | 'timeout' | 'cancelled'; last: T | undefined }
	| { outcome: 'error'; error: unknown; last: T | undefined };

function isNotFoundError(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		String((error as { httpCode?: unknown }).httpCode) === '404'
	);
}

interface Tracked<T> {
	target: PollTarget<T>;
	last: T | undefined;
	nextPollAt: number;
	done?: WaitOutcome<T>;
}

/** The pause after a poll that ended `elapsedMs` after the start. */
function pauseAfter(
	target: Pick<PollTarget<unknown>, 'intervalMs' | 'slowIntervalMs'>,
	elapsedMs: number,
	slowAfterMs: number,
): number {
	const interval = Math.max(0, target.intervalMs);
	if (elapsedMs < slowAfterMs) return interval;
	return Math.max(interval, target.slowIntervalMs ?? 0);
}

async function poll<T>(
	tracked: Tracked<T>,
	options: WaitForAllOptions<T>,
	start: number,
): Promise<void> {
	const isNotFound = options.isNotFound ?? isNotFoundError;
	// `then`, not try/catch: the caller's errors pass through unchanged.
	const read = await tracked.target.getStatus().then(
		(state) => ({ state }),
		(error: unknown) => ({ error }),
	);
	const elapsed = options.now() - start;
	if ('state' in read) {
		tracked.last = read.state;
		if (tracked.target.terminal(read.state)) {
			tracked.done = { outcome: 'terminal', last: read.state };
			return;
		}
	} else if (!(isNotFound(read.error) && elapsed < options.notFoundGraceMs)) {
		tracked.done = { outcome: 'error', error: read.error, last: tracked.last };
		return;
	}
	const deadline = start + tracked.target.maxWaitMs;
	if (elapsed >= tracked.target.maxWaitMs) {
		tracked.done = { outcome: 'timeout', last: tracked.last };
		return;
	}
	const pause = pauseAfter(tracked.target, elapsed, options.slowAfterMs);
	tracked.nextPollAt = Math.min(options.now() + pause, deadline);
}

function track<T>(options: WaitForAllOptions<T>, start: number): Array<Tracked<T>> {
	return options.targets.map((target) => {
		const tracked: Tracked<T> = { target, last: target.initial, nextPollAt: start };
		if (target.initial === undefined) return tracked;
		if (target.terminal(target.initial)) {
			tracked.done = { outcome: 'terminal', last: target.initial };
		}
		tracked.nextPollAt =
			start + Math.min(pauseAfter(target, 0, options.slowAfterMs), target.maxWaitMs);
		return tracked;
	});
}

/**
 * Polls every target until its state is terminal, its `maxWaitMs` (counted from the common start)
 * has passed (the last poll happens at the deadline), it fails, or the execution is cancelled.
 * Targets due at the same time are polled together. Returns one outcome per target, in order.
 */
export async function waitForAll<T>(options: WaitForAllOptions<T>): Promise<Array<WaitOutcome<T>>> {
	const start = options.now();
	const all = track(options, start);
	const open = () => all.filter((tracked) => tracked.done === undefined);
	const cancelOpen = () => {
		for (const tracked of open()) tracked.done = { outcome: 'cancelled', last: tracked.last };
	};
	while (open().length > 0) {
		if (options.isCancelled()) {
			cancelOpen();
			break;
		}
		const now = options.now();
		const due = open().filter((tracked) => tracked.nextPollAt <= now);
		await Promise.all(due.map(async (tracked) => await poll(tracked, options, start)));
		const waiting = open();
		if (waiting.length === 0 || due.length > 0) continue;
		const next = waiting.reduce(
			(soonest, tracked) => Math.min(soonest, tracked.nextPollAt),
			Infinity,
		);
		const pause = next - options.now();
		if (pause > 0 && (await options.sleep(pause)) === false) cancelOpen();
	}
	return all.map((tracked) => tracked.done as WaitOutcome<T>);
}
