/**
 * Reading a whole list (Return All, large Limits) with several page requests in flight.
 *
 * The first page is read alone. When it tells the list's `total`, every remaining page is known
 * in advance: they are fetched with bounded, adaptive concurrency (see concurrency.ts) and emitted
 * in order, so the requests stay at the floor (ceil(N/100), exactly ceil(L/100) for a Limit L).
 * Without `total` (only `has_more`), the end is unknown and pages are read one after the other.
 *
 * A list that changes during the walk: offsets are positions at the time each page is read. A
 * record added before an offset already planned shifts later records by one, so the record on a
 * page boundary can come twice and the newest ones only in the next run; a record removed can make
 * one be skipped. Records added after the first page are not read (the walk ends at its `total`).
 * The sequential reader has the same limits, only spread over a longer time.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sleepUnlessCancelled } from '../helpers/sleep';
import { AdaptiveWindow, DEFAULT_MAX_CONCURRENCY, fetchInOrder } from './concurrency';
import type { Page, PagedRequest } from './pages';
import { notAListError, readPages } from './pages';
import { PAGE_SIZE, readPage } from './pagination';
import type { OpenProspectContext } from './request';
import { apiRequestFull, cancelSignalOf, CREDENTIAL_TYPE } from './request';

export interface ConcurrentPagedRequest extends PagedRequest {
	/** Most page requests in flight (default 8; 1 reads one page after the other). */
	concurrency?: number;
}

export interface PlannedPage {
	offset: number;
	limit: number;
}

/**
 * The pages still to read after `first` when its `total` says where the list ends (capped by
 * `limit`), or undefined when only reading on will tell (no total, or the end was reached).
 */
export function remainingPages(
	first: Page,
	options: { startOffset: number; pageSize: number; limit?: number },
): PlannedPage[] | undefined {
	if (first.total === undefined || first.hasMore === false) return undefined;
	const step = Math.min(first.items.length, options.pageSize);
	if (step === 0) return undefined;
	const end =
		options.limit === undefined
			? first.total
			: Math.min(first.total, options.startOffset + options.limit);
	const plan: PlannedPage[] = [];
	// Return All asks full pages to the end (as the sequential reader does); a Limit only what it needs.
	for (let offset = options.startOffset + step; offset < end; offset += step) {
		plan.push({ offset, limit: options.limit === undefined ? step : Math.min(step, end - offset) });
	}
	return plan;
}

/** A page request answered 429 on every attempt is queued again this many times in all. */
const RATE_LIMITED_ROUNDS = 3;
const RATE_LIMITED_PAUSE_MS = 1000;

function isRateLimited(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '429';
}

interface PageFetch {
	request: ConcurrentPagedRequest;
	window: AdaptiveWindow;
	wait: (ms: number) => Promise<void>;
}

/** One request for a planned page; its retries shrink the window, a clean answer grows it. */
async function attemptPage(
	this: OpenProspectContext,
	{ request, window }: PageFetch,
	planned: PlannedPage,
): Promise<Page> {
	let retried = false;
	const response = await apiRequestFull.call(this, {
		...request,
		method: 'GET',
		qs: { ...request.qs, limit: planned.limit, offset: planned.offset },
		onRetry: (_failure, delayMs) => {
			retried = true;
			window.recordThrottle(Date.now(), delayMs);
		},
	});
	if (!retried) window.recordClean();
	const parsed = readPage(response.body);
	if (parsed === undefined) throw notAListError(this, request);
	const { total, hasMore } = parsed;
	const items = parsed.items.slice(0, planned.limit);
	return { items, offset: planned.offset, total, hasMore, headers: response.headers };
}

/** One planned page; a page still rate limited after all its attempts is queued again. */
async function fetchPlanned(
	this: OpenProspectContext,
	fetch: PageFetch,
	planned: PlannedPage,
): Promise<Page> {
	for (let round = 1; ; round++) {
		const result = await attemptPage.call(this, fetch, planned).then(
			(page) => ({ page }),
			(error: unknown) => ({ error }),
		);
		if ('page' in result) return result.page;
		if (round >= RATE_LIMITED_ROUNDS || !isRateLimited(result.error)) throw result.error;
		fetch.window.recordThrottle(Date.now(), RATE_LIMITED_PAUSE_MS);
		await fetch.wait(fetch.window.pauseLeftMs(Date.now()));
	}
}

function firstKey(items: IDataObject[]): string | undefined {
	return items.length > 0 ? JSON.stringify(items[0]) : undefined;
}

/**
 * Like `readPages`, but once the first page tells the list's `total`, the following pages are
 * fetched several at a time (at most `concurrency`, adapting to 429s and 5xx) and yielded in order.
 */
export async function* readPagesConcurrently(
	this: OpenProspectContext,
	request: ConcurrentPagedRequest,
): AsyncGenerator<Page> {
	const credentials =
		request.credentials ??
		(await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE));
	const paged = { ...request, credentials };
	const sequential = readPages.call(this, paged);
	const first = await sequential.next();
	if (first.done === true) return;
	yield first.value;
	const concurrency = request.concurrency ?? DEFAULT_MAX_CONCURRENCY;
	const plan =
		concurrency > 1
			? remainingPages(first.value, {
					startOffset: request.startOffset ?? 0,
					pageSize: request.pageSize ?? PAGE_SIZE,
					limit: request.limit,
				})
			: undefined;
	if (plan === undefined) return yield* sequential;
	await sequential.return(undefined);
	const signal = cancelSignalOf(this);
	const wait = async (ms: number) => {
		if (!(await sleepUnlessCancelled(ms, signal))) {
			throw new NodeOperationError(this.getNode(), 'The execution was cancelled', {
				itemIndex: request.itemIndex,
			});
		}
	};
	const window = new AdaptiveWindow(concurrency);
	const fetch = (index: number) => fetchPlanned.call(this, { request: paged, window, wait }, plan[index]);
	let previous = firstKey(first.value.items);
	for await (const page of fetchInOrder({ count: plan.length, fetch, window, now: Date.now, wait })) {
		const key = firstKey(page.items);
		if (key !== undefined && key === previous) return; // the server ignores `offset`
		previous = key ?? previous;
		yield page;
	}
}

export interface AllItemsRequest extends Omit<ConcurrentPagedRequest, 'startOffset' | 'pageSize'> {
	/** Undefined: every page (Return All). A number: stop after that many records. */
	limit?: number;
}

/**
 * Reads an offset-paginated list: page size 100, stopping by the rules of `readPages`, with up to
 * `concurrency` (default 8) page requests in flight once the list's total is known. With a limit L
 * it reads exactly ceil(L/100) pages and never returns more than L records.
 */
export async function apiRequestAllItems(
	this: OpenProspectContext,
	request: AllItemsRequest,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	for await (const page of readPagesConcurrently.call(this, request)) {
		for (const item of page.items) collected.push(item);
	}
	return collected;
}
