/** n8n-workflow's `sleep` as every test file sees it: the mock installed by ./setup. */
import { sleep } from 'n8n-workflow';
import { vi } from 'vitest';

export const sleepMock = vi.mocked(sleep);

/** The milliseconds the code under test asked to wait, over every call since the last reset. */
export const totalSlept = (): number => sleepMock.mock.calls.reduce((sum, [ms]) => sum + ms, 0);

/** A real wait, for a test that needs time to pass while the code under test has the mock. */
export async function realSleep(ms: number): Promise<void> {
	const original = await vi.importActual<typeof import('n8n-workflow')>('n8n-workflow');
	await original.sleep(ms);
}
