/**
 * The adaptive window and the in-order fetcher, with an injected clock and a fake fetcher whose
 * answers the test releases one by one: deterministic, no wall clock.
 */
import { describe, expect, it } from 'vitest';

import {
	AdaptiveWindow,
	DEFAULT_MAX_CONCURRENCY,
	fetchInOrder,
	INITIAL_CONCURRENCY,
} from '../../nodes/OpenProspect/transport/concurrency';
import type { Page } from '../../nodes/OpenProspect/transport/pages';
import { remainingPages } from '../../nodes/OpenProspect/transport/concurrentPages';

describe('AdaptiveWindow', () => {
	it('starts small and grows by one after each whole window of clean answers, up to the max', () => {
		const window = new AdaptiveWindow(DEFAULT_MAX_CONCURRENCY);
		expect(window.size).toBe(INITIAL_CONCURRENCY);
		const sizes: number[] = [];
		for (let answer = 0; answer < 40; answer++) {
			window.recordClean();
			sizes.push(window.size);
		}
		expect(sizes.slice(0, 6)).toEqual([2, 3, 3, 3, 4, 4]);
		expect(Math.max(...sizes)).toBe(8);
		expect(sizes.at(-1)).toBe(8);
	});

	it('halves at once on a throttle (never below 1) and holds new starts for the pause', () => {
		const window = new AdaptiveWindow(8, 8);
		window.recordThrottle(1_000, 2_000);
		expect(window.size).toBe(4);
		expect(window.pauseLeftMs(1_000)).toBe(2_000);
		expect(window.pauseLeftMs(2_500)).toBe(500);
		expect(window.pauseLeftMs(3_000)).toBe(0);
		window.recordThrottle(3_000, 500);
		window.recordThrottle(3_000);
		window.recordThrottle(3_000);
		expect(window.size).toBe(1);
		expect(window.pauseLeftMs(3_000)).toBe(500);
		window.endPause();
		expect(window.pauseLeftMs(3_000)).toBe(0);
	});

	it('a throttle resets the clean streak; a max of 1 stays sequential', () => {
		const window = new AdaptiveWindow(8);
		window.recordClean();
		window.recordThrottle(0);
		expect(window.size).toBe(1);
		window.recordClean();
		expect(window.size).toBe(2);
		const sequential = new AdaptiveWindow(1);
		for (let answer = 0; answer < 10; answer++) sequential.recordClean();
		expect(sequential.size).toBe(1);
	});
});

/** A fetcher whose calls wait until the test settles them, recording what was in flight. */
function controlledFetcher() {
	const pending = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
	const started: number[] = [];
	let maxInFlight = 0;
	const fetch = async (index: number) =>
		await new Promise<string>((resolve, reject) => {
			started.push(index);
			pending.set(index, { resolve, reject });
			maxInFlight = Math.max(maxInFlight, pending.size);
		});
	const settle = (index: number, error?: Error) => {
		const entry = pending.get(index);
		if (!entry) throw new Error(`task ${index} is not in flight`);
		pending.delete(index);
		if (error) entry.reject(error);
		else entry.resolve(`page ${index}`);
	};
	return { fetch, settle, started, pending, maxInFlight: () => maxInFlight };
}

/** Lets every promise callback that is ready run. */
const flush = async () => {
	for (let turn = 0; turn < 20; turn++) await Promise.resolve();
};

describe('fetchInOrder', () => {
	it('emits in index order whatever the completion order, never more than the window started', async () => {
		const fake = controlledFetcher();
		const window = new AdaptiveWindow(3, 3);
		const emitted: string[] = [];
		const reading = (async () => {
			for await (const value of fetchInOrder({ count: 6, fetch: fake.fetch, window, now: () => 0, wait: async () => {} })) {
				emitted.push(value);
			}
		})();
		await flush();
		expect(fake.started).toEqual([0, 1, 2]);
		fake.settle(2);
		fake.settle(1);
		await flush();
		// 1 and 2 finished early but are held (they count against the window): nothing new starts.
		expect(emitted).toEqual([]);
		expect(fake.started).toEqual([0, 1, 2]);
		fake.settle(0);
		await flush();
		expect(emitted).toEqual(['page 0', 'page 1', 'page 2']);
		expect(fake.started).toEqual([0, 1, 2, 3, 4, 5]);
		fake.settle(5);
		fake.settle(3);
		fake.settle(4);
		await reading;
		expect(emitted).toEqual(['page 0', 'page 1', 'page 2', 'page 3', 'page 4', 'page 5']);
		expect(fake.maxInFlight()).toBe(3);
	});

	it('grows the number in flight as the window grows, and shrinks it after a throttle', async () => {
		const fake = controlledFetcher();
		const window = new AdaptiveWindow(8, 2);
		const inFlight: number[] = [];
		const reading = (async () => {
			const values = fetchInOrder({
				count: 30,
				fetch: async (index) => {
					const value = await fake.fetch(index);
					if (index === 12) window.recordThrottle(0);
					else window.recordClean();
					return value;
				},
				window,
				now: () => 0,
				wait: async () => {},
			});
			for await (const value of values) if (value) inFlight.push(fake.pending.size);
		})();
		for (let index = 0; index < 30; index++) {
			await flush();
			fake.settle(index);
		}
		await reading;
		expect(Math.max(...inFlight.slice(0, 12))).toBeGreaterThan(2);
		expect(inFlight[13]).toBeLessThan(Math.max(...inFlight.slice(0, 12)));
		expect(fake.maxInFlight()).toBeLessThanOrEqual(8);
	});

	it('waits out a pause only when nothing is in flight, through the injected wait', async () => {
		let now = 0;
		const waits: number[] = [];
		const window = new AdaptiveWindow(4, 4);
		window.recordThrottle(0, 1_500);
		const values: number[] = [];
		for await (const value of fetchInOrder({
			count: 3,
			fetch: async (index) => index,
			window,
			now: () => now,
			wait: async (ms) => {
				waits.push(ms);
				now += ms;
			},
		})) {
			values.push(value);
		}
		expect(values).toEqual([0, 1, 2]);
		expect(waits).toEqual([1_500]);
	});

	it('throws the first failure in order, after yielding everything before it', async () => {
		const emitted: number[] = [];
		const failing = async (index: number) => {
			if (index === 2) throw new Error('page 2 failed');
			return index;
		};
		await expect(
			(async () => {
				for await (const value of fetchInOrder({ count: 5, fetch: failing, window: new AdaptiveWindow(4, 4), now: () => 0, wait: async () => {} })) {
					emitted.push(value);
				}
			})(),
		).rejects.toThrow('page 2 failed');
		expect(emitted).toEqual([0, 1]);
	});
});

describe('remainingPages', () => {
	const page = (count: number, total?: number, hasMore?: boolean): Page => ({
		items: Array.from({ length: count }, (_, index) => ({ id: index })),
		offset: 0,
		total,
		hasMore,
		headers: {},
	});

	it('plans exactly the floor: ceil(N/100) in all, ceil(L/100) for a limit', () => {
		const options = { startOffset: 0, pageSize: 100 };
		expect(remainingPages(page(100, 1000), options)?.map((planned) => planned.offset)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
		expect(remainingPages(page(100, 1001), options)).toHaveLength(10);
		expect(remainingPages(page(100, 250, true), { ...options, limit: 250 })).toEqual([
			{ offset: 100, limit: 100 },
			{ offset: 200, limit: 50 },
		]);
		expect(remainingPages(page(100, 10_000), { ...options, limit: 250 })).toEqual([
			{ offset: 100, limit: 100 },
			{ offset: 200, limit: 50 },
		]);
		expect(remainingPages(page(100, 250), options)?.at(-1)).toEqual({ offset: 200, limit: 100 });
		expect(remainingPages(page(100, 100), options)).toEqual([]);
	});

	it('reads on sequentially when only has_more tells, or when the list ended', () => {
		const options = { startOffset: 0, pageSize: 100 };
		expect(remainingPages(page(100, undefined, true), options)).toBeUndefined();
		expect(remainingPages(page(100, 500, false), options)).toBeUndefined();
		expect(remainingPages(page(0, 500), options)).toBeUndefined();
	});

	it('steps by what the server gave when it caps the page size lower, from the start offset', () => {
		expect(remainingPages(page(50, 200), { startOffset: 10, pageSize: 100 })).toEqual([
			{ offset: 60, limit: 50 },
			{ offset: 110, limit: 50 },
			{ offset: 160, limit: 50 },
		]);
	});
});
