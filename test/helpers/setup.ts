/**
 * Vitest setup file, run before every test file.
 *
 * n8n-workflow's `sleep` is the only timer the node uses (retries, waits, polling). Every test file
 * gets it as a mock that records each wait and yields a 0 ms timer instead of waiting; test files
 * reach the mock through ./sleepMock (and may give it another implementation, as ./clock does).
 */
import { vi } from 'vitest';

vi.mock('n8n-workflow', async (importOriginal) => {
	const original = await importOriginal<typeof import('n8n-workflow')>();
	return { ...original, sleep: vi.fn(async () => await original.sleep(0)) };
});
