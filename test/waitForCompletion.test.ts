import { describe, expect, it } from 'vitest';

import type { WaitForCompletionOptions } from '../nodes/OpenProspect/helpers/waitForCompletion';
import { waitForCompletion } from '../nodes/OpenProspect/helpers/waitForCompletion';

interface State {
	status: string;
}

const notFound = Object.assign(new Error('Order not found'), { httpCode: '404' });

/**
 * A fake clock and a scripted API: each poll takes the next entry of `script` (a state, or an
 * error to throw); a sleep advances the clock by its duration and is recorded.
 */
function harness(
	script: Array<State | Error>,
	overrides: Partial<WaitForCompletionOptions<State>> = {},
) {
	let now = 1_000_000;
	const sleeps: number[] = [];
	const polls: number[] = [];
	const options: WaitForCompletionOptions<State> = {
		getStatus: async () => {
			polls.push(now);
			const next = script.shift();
			if (next === undefined) throw new Error('The script ran out');
			if (next instanceof Error) throw next;
			return next;
		},
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
			return true;
		},
		isCancelled: () => false,
		terminal: (state) => ['COMPLETED', 'REJECTED'].includes(state.status),
		maxWaitMs: 300_000,
		intervalMs: 10_000,
		maxIntervalMs: 60_000,
		notFoundGraceMs: 15_000,
		...overrides,
	};
	return { options, sleeps, polls, remaining: script, elapsed: () => now - 1_000_000 };
}

const s = (status: string): State => ({ status });

describe('waitForCompletion (pure, injected clock)', () => {
	it('without a known state, polls at once and returns a terminal state without sleeping', async () => {
		const h = harness([s('COMPLETED')]);
		expect(await waitForCompletion(h.options)).toEqual({
			outcome: 'terminal',
			last: s('COMPLETED'),
		});
		expect(h.sleeps).toEqual([]);
		expect(h.polls).toHaveLength(1);
	});

	it('with a known state, waits before the first poll; pauses grow by 1.5 up to the maximum', async () => {
		const h = harness([...Array(7).fill(s('IN_PROGRESS')), s('COMPLETED')], {
			initial: s('RECEIVED'),
			maxWaitMs: 1_000_000,
		});
		const result = await waitForCompletion(h.options);
		expect(result).toEqual({ outcome: 'terminal', last: s('COMPLETED') });
		expect(h.sleeps).toEqual([10_000, 15_000, 22_500, 33_750, 50_625, 60_000, 60_000, 60_000]);
		expect(h.polls).toHaveLength(8);
	});

	it('returns a terminal known state at once, without polling', async () => {
		const h = harness([], { initial: s('REJECTED') });
		expect(await waitForCompletion(h.options)).toEqual({
			outcome: 'terminal',
			last: s('REJECTED'),
		});
		expect(h.polls).toEqual([]);
		expect(h.sleeps).toEqual([]);
	});

	it('times out at Max Wait: the last pause is cut to the deadline, where one last poll happens', async () => {
		const h = harness(Array(20).fill(s('ACCEPTED')), {
			initial: s('RECEIVED'),
			maxWaitMs: 100_000,
		});
		const result = await waitForCompletion(h.options);
		expect(result).toEqual({ outcome: 'timeout', last: s('ACCEPTED') });
		expect(h.sleeps).toEqual([10_000, 15_000, 22_500, 33_750, 18_750]);
		expect(h.elapsed()).toBe(100_000);
		expect(h.polls).toHaveLength(5);
	});

	it('a 404 within the grace period is "not visible yet"; then success', async () => {
		const h = harness([notFound, notFound, s('COMPLETED')], { intervalMs: 5_000 });
		const result = await waitForCompletion(h.options);
		expect(result).toEqual({ outcome: 'terminal', last: s('COMPLETED') });
		expect(h.polls).toHaveLength(3);
	});

	it('a 404 after the grace period is thrown', async () => {
		const h = harness([s('RECEIVED'), notFound], { notFoundGraceMs: 5_000 });
		await expect(waitForCompletion(h.options)).rejects.toBe(notFound);
	});

	it('any other error is thrown at once, unchanged', async () => {
		const boom = Object.assign(new Error('Forbidden'), { httpCode: '403' });
		const h = harness([boom]);
		await expect(waitForCompletion(h.options)).rejects.toBe(boom);
		expect(h.sleeps).toEqual([]);
	});

	it('a timeout with only 404s so far returns no state', async () => {
		const h = harness([notFound, notFound], { maxWaitMs: 10_000, notFoundGraceMs: 60_000 });
		expect(await waitForCompletion(h.options)).toEqual({ outcome: 'timeout', last: undefined });
	});

	it('stops when cancelled before a poll, and when the sleep reports cancellation', async () => {
		const before = harness([s('RECEIVED')], { isCancelled: () => true, initial: s('RECEIVED') });
		expect(await waitForCompletion(before.options)).toEqual({
			outcome: 'cancelled',
			last: s('RECEIVED'),
		});
		expect(before.polls).toEqual([]);

		const h = harness([s('ACCEPTED'), s('COMPLETED')]);
		h.options.sleep = async () => false;
		expect(await waitForCompletion(h.options)).toEqual({
			outcome: 'cancelled',
			last: s('ACCEPTED'),
		});
		expect(h.polls).toHaveLength(1);
	});

	it('checks for cancellation after every pause', async () => {
		let cancelled = false;
		const h = harness([s('RECEIVED'), s('ACCEPTED'), s('COMPLETED')], {
			isCancelled: () => cancelled,
		});
		const sleep = h.options.sleep;
		h.options.sleep = async (ms) => {
			await sleep(ms);
			cancelled = h.polls.length >= 2;
			return true;
		};
		expect(await waitForCompletion(h.options)).toEqual({
			outcome: 'cancelled',
			last: s('ACCEPTED'),
		});
		expect(h.polls).toHaveLength(2);
	});

	it('never shrinks the pause when the interval is above the maximum', async () => {
		const h = harness([s('A'), s('A'), s('COMPLETED')], {
			intervalMs: 90_000,
			maxIntervalMs: 60_000,
		});
		await waitForCompletion(h.options);
		expect(h.sleeps).toEqual([90_000, 90_000]);
	});
});
