import type { IHttpRequestOptions } from 'n8n-workflow';

type RequestSignal = IHttpRequestOptions['abortSignal'];

/**
 * A signal that aborts when `signal` (the execution's cancel signal) does, or after `ms` in all:
 * the HTTP client's own timeout only measures silence, so a server that trickles a byte at a time
 * would otherwise hold a request forever.
 */
export function withDeadline(signal: RequestSignal, ms: number): AbortSignal {
	const deadline = AbortSignal.timeout(ms);
	if (signal === undefined) return deadline;
	if (signal instanceof AbortSignal) return AbortSignal.any([signal, deadline]);
	const controller = new AbortController();
	const abort = () => controller.abort();
	if (signal.aborted) abort();
	signal.addEventListener?.('abort', abort);
	deadline.addEventListener('abort', abort);
	return controller.signal;
}

/** Total time one request may take, unless the caller sets another. */
export const DEFAULT_TIMEOUT_MS = 30_000;
