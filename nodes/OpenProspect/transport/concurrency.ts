/**
 * Bounded, adaptive concurrency for reading pages, free of n8n and of timers (the clock and the
 * wait are injected), so it is tested deterministically.
 */

/** Default most requests in flight for one list read. */
export const DEFAULT_MAX_CONCURRENCY = 8;
/** Requests in flight at the start, before any answer proved the key has headroom. */
export const INITIAL_CONCURRENCY = 2;

/**
 * How many requests may be in flight: starts small, grows by one after a whole window of clean
 * answers (additive increase), halves at once on a 429 or a 5xx (multiplicative decrease), and
 * holds new requests back until a pause the server asked for (Retry-After) has passed.
 */
export class AdaptiveWindow {
	private current: number;

	private cleanInRow = 0;

	private pausedUntilMs = 0;

	constructor(
		readonly max: number,
		initial = INITIAL_CONCURRENCY,
	) {
		this.current = Math.max(1, Math.min(max, initial));
	}

	get size(): number {
		return this.current;
	}

	/** An answer that needed no retry. */
	recordClean(): void {
		this.cleanInRow++;
		if (this.cleanInRow >= this.current) {
			this.current = Math.min(this.max, this.current + 1);
			this.cleanInRow = 0;
		}
	}

	/** A 429 or 5xx (or a failed connection): halve, and start nothing new for `pauseMs`. */
	recordThrottle(nowMs: number, pauseMs = 0): void {
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.cleanInRow = 0;
		this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + Math.max(0, pauseMs));
	}

	/** The pause was waited out (by a caller that had nothing else in flight). */
	endPause(): void {
		this.pausedUntilMs = 0;
	}

	/** Milliseconds until new requests may start (0: now). */
	pauseLeftMs(nowMs: number): number {
		return Math.max(0, this.pausedUntilMs - nowMs);
	}
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface InOrderOptions<T> {
	/** Number of tasks; task i is `fetch(i)`. */
	count: number;
	fetch: (index: number) => Promise<T>;
	window: AdaptiveWindow;
	now: () => number;
	/** Waits `ms` (used only while paused with nothing in flight). */
	wait: (ms: number) => Promise<void>;
}

/**
 * Runs `fetch(0..count-1)` with at most `window.size` tasks started but not yet emitted (in
 * flight or finished early), and yields their results in index order. Memory is bounded by the
 * window: a slow task holds back new starts instead of letting finished ones pile up. The first
 * failure in index order is thrown once every earlier result was yielded.
 */
export async function* fetchInOrder<T>(options: InOrderOptions<T>): AsyncGenerator<T> {
	const { count, fetch, window, now, wait } = options;
	const finished = new Map<number, Settled<T>>();
	const running = new Map<number, Promise<void>>();
	let next = 0;
	let emitted = 0;
	const start = (index: number) => {
		const task = fetch(index).then(
			(value) => void finished.set(index, { ok: true, value }),
			(error: unknown) => void finished.set(index, { ok: false, error }),
		);
		running.set(index, task.finally(() => running.delete(index)));
	};
	while (emitted < count) {
		while (
			next < count &&
			running.size + finished.size < window.size &&
			window.pauseLeftMs(now()) === 0
		) {
			start(next++);
		}
		const head = finished.get(emitted);
		if (head !== undefined) {
			finished.delete(emitted);
			emitted++;
			if (!head.ok) throw head.error;
			yield head.value;
		} else if (running.size > 0) {
			await Promise.race(running.values());
		} else {
			await wait(window.pauseLeftMs(now()));
			window.endPause();
		}
	}
}
