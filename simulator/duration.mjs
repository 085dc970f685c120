// Durations for the command line: `1h`, `-1y`, `90s`, `250ms`, `1.5d`, or a plain number of ms.

const UNIT_MS = Object.freeze({ ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 365 * 86_400_000 });

/**
 * Milliseconds of a duration such as `5m`, `-1h` or `1y` (365 days); a bare number is ms.
 * @param {string} text
 * @returns {number}
 */
export function parseDuration(text) {
	const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)?\s*$/i.exec(String(text));
	if (!match) throw new RangeError(`"${text}" is not a duration (e.g. 250ms, 90s, 5m, -1h, 2d, 1w, 1y)`);
	return Math.round(Number(match[1]) * UNIT_MS[(match[2] ?? 'ms').toLowerCase()]);
}
