/**
 * After an Add Entries request whose outcome is unknown: instead of sending the batch again (the
 * API does not promise to deduplicate it), check whether the blacklist now holds every entry of
 * the batch.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../transport';
import { stillUnknown } from '../shared/reconcile';
import { blacklistPath } from './shared';
import { asError } from '../../helpers/json';

/** At most this many entries of the blacklist are read to check a batch. */
const MAX_ENTRIES_READ = 50_000;

const norm = (value: unknown) => String(value).trim().toLowerCase();

function entryKey(entry: IDataObject, fields: string[]): string {
	return JSON.stringify(fields.map((field) => (entry[field] == null ? '' : norm(entry[field]))));
}

/** How many of `sent` have an entry in `stored` with the same values in every field sent. */
export function countPresent(sent: IDataObject[], stored: IDataObject[]): number {
	const keysByFields = new Map<string, Set<string>>();
	let present = 0;
	for (const entry of sent) {
		const fields = Object.keys(entry).sort();
		const signature = fields.join(',');
		let keys = keysByFields.get(signature);
		if (keys === undefined) {
			keys = new Set(stored.map((record) => entryKey(record, fields)));
			keysByFields.set(signature, keys);
		}
		if (keys.has(entryKey(entry, fields))) present++;
	}
	return present;
}

/**
 * The batch's summary flagged `reconciled: true` when the blacklist holds every entry sent;
 * otherwise the original error, saying how many were found.
 */
export async function reconcileEntries(
	context: IExecuteFunctions,
	error: unknown,
	batch: { blacklistId: string; entries: IDataObject[]; itemIndex: number },
): Promise<IDataObject> {
	let stored: IDataObject[];
	try {
		stored = await apiRequestAllItems.call(context, {
			path: blacklistPath(batch.blacklistId, '/entries'),
			itemIndex: batch.itemIndex,
			limit: MAX_ENTRIES_READ,
		});
	} catch (searchError) {
		throw stillUnknown(error, `reading the entries failed (${asError(searchError).message})`);
	}
	const present = countPresent(batch.entries, stored);
	if (present < batch.entries.length) {
		throw stillUnknown(
			error,
			`${present} of the ${batch.entries.length} entries of this request are in the blacklist`,
		);
	}
	return { reconciled: true, entries_found: present };
}
