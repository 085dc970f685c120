/**
 * After a create whose outcome is unknown (the server may have applied it, then the answer was
 * lost), look for the record it would have created instead of sending it again: the API does not
 * promise to deduplicate these creates, so a resend could make a second (paid) record.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isOutcomeUnknown, readPages } from '../../transport';
import { recordId } from './records';
import { asError } from '../../helpers/json';

/** How many pages of the newest records are searched for the one a lost create made. */
const RECONCILE_PAGES = 5;
/** Widens the window a little, for a database clock that stamps created_at slightly off the Date header's. */
const RECONCILE_SLACK_MS = 2_000;

export interface ReconcileRequest {
	/** The list to search, e.g. /api/v1/orders. */
	path: string;
	itemIndex: number;
	/** How long (measured locally, a duration only) since the create was sent. */
	elapsedMs: number;
	/** Whether a record of the list is what the lost request would have created. */
	matches: (record: IDataObject) => boolean;
	/** IDs this execution already created or found: never taken for the lost one. */
	known: Set<string>;
	/** What the record is called in messages, e.g. "order". */
	what: string;
}

export interface Found {
	record: IDataObject;
	/** The server time the search started from, as ISO text. */
	since: string;
}

function serverTime(headers: IDataObject): number | undefined {
	const value = typeof headers.date === 'string' ? Date.parse(headers.date) : NaN;
	return Number.isFinite(value) ? value : undefined;
}

/** Whether a record was created at or after `since` (server time); false when it does not say. */
function createdSince(record: IDataObject, since: number): boolean {
	const created = typeof record.created_at === 'string' ? Date.parse(record.created_at) : NaN;
	return Number.isFinite(created) && created >= since;
}

/**
 * Reads the newest records and returns the one the lost create made: created at or after the
 * server time the request was sent (the list's Date header minus the time since sending), matching
 * the request, not already known. Returns a reason instead when there is none, or several.
 */
async function findCreated(
	context: IExecuteFunctions,
	request: ReconcileRequest,
): Promise<Found | { reason: string }> {
	const candidates: IDataObject[] = [];
	let since: number | undefined;
	let pages = 0;
	for await (const page of readPages.call(context, {
		path: request.path,
		itemIndex: request.itemIndex,
	})) {
		if (since === undefined) {
			const now = serverTime(page.headers);
			if (now === undefined) return { reason: 'OpenProspect sent no Date header to compare with' };
			since = now - request.elapsedMs - RECONCILE_SLACK_MS;
		}
		for (const record of page.items) {
			const id = recordId(record);
			if (id === undefined || request.known.has(id)) continue;
			if (createdSince(record, since) && request.matches(record)) candidates.push(record);
		}
		if (++pages >= RECONCILE_PAGES) break;
	}
	const from = new Date(since ?? 0).toISOString();
	if (candidates.length === 1) return { record: candidates[0], since: from };
	if (candidates.length === 0) {
		return { reason: `no ${request.what} created since ${from} matches this request (yet)` };
	}
	const ids = candidates.map((record) => recordId(record)).join(', ');
	return { reason: `several ${request.what}s created since ${from} match this request: ${ids}` };
}

/** The outcome-unknown error, with what the search found (or why it could not decide). */
export function stillUnknown(error: unknown, finding: string): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	const note = `Checked for it afterwards: ${finding}.`;
	error.description = [error.description, note].filter(Boolean).join('\n');
	return error;
}

/**
 * Looks for the record a create with an unknown outcome made; returns it flagged
 * `reconciled: true`, or throws the original error with what the search found. A failing search
 * throws the original error too: it is the one that matters.
 */
export async function reconcileCreate(
	context: IExecuteFunctions,
	error: unknown,
	request: ReconcileRequest,
): Promise<IDataObject> {
	const found = await findCreated(context, request).catch((searchError: unknown) => ({
		reason: `the search failed (${asError(searchError).message})`,
	}));
	if ('reason' in found) throw stillUnknown(error, found.reason);
	return { ...found.record, reconciled: true };
}

/**
 * Sends a create with `send`; when its outcome is unknown, `reconcile` decides what to return
 * instead of a resend. Every other error passes through unchanged.
 */
export async function createOrReconcile(
	send: () => Promise<IDataObject>,
	reconcile: (error: unknown) => Promise<IDataObject>,
): Promise<IDataObject> {
	const sent = await send().then(
		(record) => ({ record }),
		(error: unknown) => ({ error }),
	);
	if ('record' in sent) return sent.record;
	if (!isOutcomeUnknown(sent.error)) throw sent.error;
	return await reconcile(sent.error);
}
