/** What both trigger cursors share: reading ids, reporting records they cannot place, page limits. */
import type { IDataObject } from 'n8n-workflow';

/** A record a cursor cannot place: no id, or (orders) no readable `created_at`. */
export class CursorDataError extends Error {}

/** Builds the error thrown for such a record (the node passes one that makes a NodeOperationError). */
export type InvalidRecord = (message: string) => Error;

export const cursorDataError: InvalidRecord = (message) => new CursorDataError(message);

export interface WalkLimits {
	/** Whether another page may be read after `pagesRead` pages (page cap, poll time budget). */
	mayRead: (pagesRead: number) => boolean;
}

export function idOf(record: IDataObject, what: string, invalid: InvalidRecord): string {
	const id = record.id;
	if ((typeof id === 'string' && id !== '') || typeof id === 'number') return String(id);
	throw invalid(`A ${what} in the list has no id`);
}

export interface ListPage {
	items: IDataObject[];
	hasMore: boolean;
}
