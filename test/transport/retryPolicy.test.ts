import { describe, expect, it } from 'vitest';

import { DEFAULT_RETRY_POLICY, mayRetry, parseRetryAfter, retryDelayMs } from '../../nodes/OpenProspect/transport/retry';

describe('retry policy (pure)', () => {
	it('retries idempotent methods on 429, 5xx and network failures only', () => {
		for (const method of ['GET', 'PUT', 'DELETE']) {
			expect(mayRetry(method, { status: 429 }, false)).toBe(true);
			expect(mayRetry(method, { status: 500 }, false)).toBe(true);
			expect(mayRetry(method, { status: 503 }, false)).toBe(true);
			expect(mayRetry(method, {}, false)).toBe(true);
			expect(mayRetry(method, { status: 400 }, false)).toBe(false);
			expect(mayRetry(method, { status: 404 }, false)).toBe(false);
			expect(mayRetry(method, { status: 409 }, false)).toBe(false);
		}
	});

	it('retries POST and PATCH only when nothing can have happened, or when the endpoint deduplicates the key', () => {
		for (const method of ['POST', 'PATCH']) {
			expect(mayRetry(method, { status: 429 }, false)).toBe(true);
			expect(mayRetry(method, { notSent: true }, false)).toBe(true);
			expect(mayRetry(method, { status: 500 }, false)).toBe(false);
			expect(mayRetry(method, {}, false)).toBe(false);
			expect(mayRetry(method, { status: 500 }, true)).toBe(true);
			expect(mayRetry(method, {}, true)).toBe(true);
			expect(mayRetry(method, { status: 422 }, true)).toBe(false);
		}
	});

	it('parses Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-23T12:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(' 12 ', now)).toBe(12_000);
		expect(parseRetryAfter('0', now)).toBe(0);
		expect(parseRetryAfter(['3'], now)).toBe(3000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('Monday, 23-Nov-26 12:00:10 GMT', now)).toBe(10_000);
		expect(parseRetryAfter('Mon Nov 23 12:00:20 2026', now)).toBe(20_000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('ignores anything but delta-seconds and HTTP dates (a negative number is not a year)', () => {
		const now = Date.parse('2026-11-23T12:00:00Z');
		for (const value of ['-5', '1.5', '+3', '1e3', '0x10', '-1', '2026-11-23T12:00:30Z', 'Mon, 23 Nov 2026 12:00:30', '']) {
			expect(parseRetryAfter(value, now)).toBeUndefined();
		}
		expect(parseRetryAfter(5, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(retryDelayMs({ retryNumber: 1, random: 0 })).toBe(500);
		expect(retryDelayMs({ retryNumber: 1, random: 0.999 })).toBeCloseTo(1000, -1);
		expect(retryDelayMs({ retryNumber: 3, random: 0 })).toBe(2000);
		expect(retryDelayMs({ retryNumber: 20, random: 0.999 })).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
		expect(retryDelayMs({ retryNumber: 20, random: 0 })).toBe(DEFAULT_RETRY_POLICY.maxDelayMs / 2);
	});

	it('waits at least what the server asks, and refuses waits beyond the cap', () => {
		expect(retryDelayMs({ retryNumber: 1, retryAfterMs: 7000, random: 0 })).toBe(7000);
		expect(retryDelayMs({ retryNumber: 1, retryAfterMs: 7000, random: 0.5 })).toBe(7350);
		expect(retryDelayMs({ retryNumber: 1, retryAfterMs: 1000, random: 0.999 })).toBeLessThanOrEqual(1100);
		expect(retryDelayMs({ retryNumber: 1, retryAfterMs: 30_000, random: 0.999 })).toBeLessThanOrEqual(31_000);
		expect(retryDelayMs({ retryNumber: 1, retryAfterMs: 3_600_000, random: 0 })).toBeUndefined();
	});
});
