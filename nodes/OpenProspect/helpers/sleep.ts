import { sleep } from 'n8n-workflow';

export interface CancelSignal {
	readonly aborted: boolean;
}

const SLICE_MS = 1000;

/**
 * Waits `ms`, in slices, so a cancelled execution stops within about a second. n8n-workflow's
 * `sleep` is the only timer a community node may use; it takes no abort signal itself.
 * Returns false when the wait was cut short by cancellation.
 */
export async function sleepUnlessCancelled(ms: number, signal?: CancelSignal): Promise<boolean> {
	let remaining = Math.max(0, ms);
	while (remaining > 0) {
		if (signal?.aborted) return false;
		const slice = Math.min(SLICE_MS, remaining);
		await sleep(slice);
		remaining -= slice;
	}
	return !signal?.aborted;
}
