import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type {
	PollTarget,
	WaitForAllOptions,
} from '../../nodes/OpenProspect/helpers/waitForCompletion';
import { waitForAll } from '../../nodes/OpenProspect/helpers/waitForCompletion';

interface State {
	status: string;
}

const s = (status: string): State => ({ status });
const notFound = Object.assign(new Error('Order not found'), { httpCode: '404' });
const terminal = (state: State) => ['COMPLETED', 'REJECTED'].includes(state.status);

/** A fake clock: a sleep advances it by its duration and is recorded. Nothing really waits. */
function clock() {
	const start = 1_000_000;
	let now = start;
	const sleeps: number[] = [];
	const options = {
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
			return true;
		},
		isCancelled: () => false,
		slowAfterMs: 600_000,
		notFoundGraceMs: 15_000,
	};
	return { options, sleeps, elapsed: () => now - start, start };
}

type Clock = ReturnType<typeof clock>;

/** A job whose state comes from a script, one entry per poll (a state, or an error to throw). */
function scripted(c: Clock, script: Array<State | Error>, target: Partial<PollTarget<State>> = {}) {
	const polls: number[] = [];
	const poll: PollTarget<State> = {
		getStatus: async () => {
			polls.push(c.elapsed());
			const next = script.shift();
			if (next === undefined) throw new Error('The script ran out');
			if (next instanceof Error) throw next;
			return next;
		},
		terminal,
		maxWaitMs: 300_000,
		intervalMs: 10_000,
		...target,
	};
	return { poll, polls };
}

/** A job that is COMPLETED from `doneAt` ms after the start on (by the fake clock). */
function finishingAt(c: Clock, doneAt: number, target: Partial<PollTarget<State>> = {}) {
	const polls: number[] = [];
	const poll: PollTarget<State> = {
		getStatus: async () => {
			polls.push(c.elapsed());
			return s(c.elapsed() >= doneAt ? 'COMPLETED' : 'IN_PROGRESS');
		},
		initial: s('RECEIVED'),
		terminal,
		maxWaitMs: 86_400_000,
		intervalMs: 10_000,
		...target,
	};
	return { poll, polls };
}

function run(
	c: Clock,
	targets: Array<PollTarget<State>>,
	extra: Partial<WaitForAllOptions<State>> = {},
) {
	return waitForAll<State>({ ...c.options, targets, ...extra });
}

describe('waitForAll (pure, injected clock)', () => {
	it('without a known state, polls at once and returns a terminal state without sleeping', async () => {
		const c = clock();
		const job = scripted(c, [s('COMPLETED')]);
		expect(await run(c, [job.poll])).toEqual([{ outcome: 'terminal', last: s('COMPLETED') }]);
		expect(c.sleeps).toEqual([]);
	});

	it('with a known state, waits one Poll Interval first, then polls at that fixed interval', async () => {
		const c = clock();
		const job = scripted(c, [s('ACCEPTED'), s('IN_PROGRESS'), s('IN_PROGRESS'), s('COMPLETED')], {
			initial: s('RECEIVED'),
		});
		expect(await run(c, [job.poll])).toEqual([{ outcome: 'terminal', last: s('COMPLETED') }]);
		expect(job.polls).toEqual([10_000, 20_000, 30_000, 40_000]);
	});

	it('returns a terminal known state at once, without polling', async () => {
		const c = clock();
		const job = scripted(c, [], { initial: s('REJECTED') });
		expect(await run(c, [job.poll])).toEqual([{ outcome: 'terminal', last: s('REJECTED') }]);
		expect(job.polls).toEqual([]);
	});

	it('notices the end at most one Poll Interval after it happened (ordinary waits)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 120 }),
				fc.integer({ min: 0, max: 590_000 }),
				async (intervalSeconds, doneAt) => {
					const c = clock();
					const job = finishingAt(c, doneAt, { intervalMs: intervalSeconds * 1000 });
					const [outcome] = await run(c, [job.poll]);
					expect(outcome.outcome).toBe('terminal');
					expect(c.elapsed() - doneAt).toBeGreaterThanOrEqual(0);
					expect(c.elapsed() - doneAt).toBeLessThanOrEqual(intervalSeconds * 1000);
				},
			),
		);
	});

	it('after slowAfterMs, pauses are the long-wait interval: explicit and bounded', async () => {
		const c = clock();
		const job = finishingAt(c, 900_000, { intervalMs: 10_000, slowIntervalMs: 60_000 });
		await run(c, [job.poll]);
		expect(new Set(c.sleeps.slice(0, 60))).toEqual(new Set([10_000]));
		expect(c.sleeps.slice(60)).toEqual(Array(5).fill(60_000));
		expect(c.elapsed() - 900_000).toBeLessThanOrEqual(60_000);
	});

	it('a long-wait interval shorter than the Poll Interval never shortens the pause', async () => {
		const c = clock();
		const job = finishingAt(c, 700_000, { intervalMs: 100_000, slowIntervalMs: 60_000 });
		await run(c, [job.poll]);
		expect(new Set(c.sleeps)).toEqual(new Set([100_000]));
	});

	it('times out at Max Wait: the last pause is cut to the deadline, where one last poll happens', async () => {
		const c = clock();
		const job = scripted(c, Array(20).fill(s('ACCEPTED')), {
			initial: s('RECEIVED'),
			maxWaitMs: 35_000,
		});
		expect(await run(c, [job.poll])).toEqual([{ outcome: 'timeout', last: s('ACCEPTED') }]);
		expect(job.polls).toEqual([10_000, 20_000, 30_000, 35_000]);
	});

	it('a 404 within the grace period is "not visible yet"; then success', async () => {
		const c = clock();
		const job = scripted(c, [notFound, notFound, s('COMPLETED')], { intervalMs: 5_000 });
		expect(await run(c, [job.poll])).toEqual([{ outcome: 'terminal', last: s('COMPLETED') }]);
		expect(job.polls).toHaveLength(3);
	});

	it('a 404 after the grace period, or any other error, ends that job with the error unchanged', async () => {
		const c = clock();
		const boom = Object.assign(new Error('Forbidden'), { httpCode: '403' });
		const late = scripted(c, [s('RECEIVED'), notFound]);
		const failing = scripted(c, [boom]);
		const results = await run(c, [late.poll, failing.poll], { notFoundGraceMs: 5_000 });
		expect(results).toEqual([
			{ outcome: 'error', error: notFound, last: s('RECEIVED') },
			{ outcome: 'error', error: boom, last: undefined },
		]);
	});

	it('a timeout with only 404s so far returns no state', async () => {
		const c = clock();
		const job = scripted(c, [notFound, notFound], { maxWaitMs: 10_000 });
		expect(await run(c, [job.poll], { notFoundGraceMs: 60_000 })).toEqual([
			{ outcome: 'timeout', last: undefined },
		]);
	});

	it('stops when cancelled before a poll, and when the sleep reports cancellation', async () => {
		const c = clock();
		const before = scripted(c, [], { initial: s('RECEIVED') });
		expect(await run(c, [before.poll], { isCancelled: () => true })).toEqual([
			{ outcome: 'cancelled', last: s('RECEIVED') },
		]);
		expect(before.polls).toEqual([]);

		const during = scripted(c, [s('ACCEPTED'), s('COMPLETED')]);
		expect(await run(c, [during.poll], { sleep: async () => false })).toEqual([
			{ outcome: 'cancelled', last: s('ACCEPTED') },
		]);
		expect(during.polls).toHaveLength(1);
	});

	it('waits for several jobs together: wall time of the slowest, one pause at a time, order kept', async () => {
		const c = clock();
		const doneAt = [60_000, 25_000, 41_000, 8_000, 60_000];
		const jobs = doneAt.map((at) => finishingAt(c, at, { intervalMs: 5_000 }));
		const results = await run(
			c,
			jobs.map((job) => job.poll),
		);
		expect(results.map((result) => result.outcome)).toEqual(Array(5).fill('terminal'));
		expect(c.elapsed()).toBe(60_000);
		expect(c.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(60_000);
		expect(jobs.map((job) => job.polls.at(-1))).toEqual([60_000, 25_000, 45_000, 10_000, 60_000]);
	});

	it('each job keeps its own interval, Max Wait and outcome', async () => {
		const c = clock();
		const slow = scripted(c, Array(10).fill(s('ACCEPTED')), {
			initial: s('RECEIVED'),
			maxWaitMs: 20_000,
		});
		const fast = finishingAt(c, 7_000, { intervalMs: 3_000 });
		const results = await run(c, [slow.poll, fast.poll]);
		expect(results).toEqual([
			{ outcome: 'timeout', last: s('ACCEPTED') },
			{ outcome: 'terminal', last: s('COMPLETED') },
		]);
		expect(slow.polls).toEqual([10_000, 20_000]);
		expect(fast.polls).toEqual([3_000, 6_000, 9_000]);
	});
});
