// The server's clock (the caller's clock plus an offset, speed and advances) and the HTTP Date format.

export const YEAR_MS = 366 * 86_400_000;

/** The largest clock offset accepted, either way: one (leap) year. */
export const MAX_CLOCK_OFFSET_MS = YEAR_MS;

function checkClockOffset(ms) {
	if (!Number.isFinite(ms) || Math.abs(ms) > MAX_CLOCK_OFFSET_MS) throw new RangeError(`clockOffsetMs must be a finite number of ms within ±${MAX_CLOCK_OFFSET_MS} (one year)`);
	return Math.trunc(ms);
}

/**
 * The server's clock: the caller's clock (`baseNow`) at start, plus `clockOffsetMs` (the server's
 * clock running ahead of, or behind, the caller's), then elapsed base time times `speed`, plus
 * whatever `advance` added.
 */
export function createClock(baseNow, speed, clockOffsetMs) {
	const start = baseNow();
	let advanced = 0;
	let skew = checkClockOffset(clockOffsetMs);
	const now = () => Math.floor(start + skew + (baseNow() - start) * speed + advanced);
	return {
		now,
		advance(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock.advance(ms) needs a finite ms >= 0');
			advanced += ms;
			return now();
		},
		get offsetMs() {
			return skew;
		},
		setOffset(ms) {
			skew = checkClockOffset(ms);
			return now();
		},
	};
}

/** RFC 7231 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
export const httpDate = (ms) => new Date(ms).toUTCString();
