/**
 * A fake clock for tests of waiting code. The test file mocks n8n's `sleep` (vi.mock is hoisted
 * only within the file that calls it) and hands the mock here; each sleep then advances the clock
 * instead of waiting.
 */
import type { sleep } from 'n8n-workflow';
import type { MockedFunction } from 'vitest';
import { afterEach, beforeEach, vi } from 'vitest';

/** The fake time every test starts at. */
export const START = Date.parse('2025-06-01T08:00:00Z');

/** Before each test: Date faked at START, `sleepMock` reset to advance it; real timers after. */
export function useFakeClock(sleepMock: MockedFunction<typeof sleep>): void {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(START);
		sleepMock.mockReset();
		sleepMock.mockImplementation(async (ms: number) => {
			vi.setSystemTime(Date.now() + ms);
		});
	});
	afterEach(() => vi.useRealTimers());
}
