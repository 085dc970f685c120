// Blacklists and their entries.
import { READ, WRITE } from '../core/auth.mjs';
import { issue, validationError } from '../core/errors.mjs';
import { checkStringFields, created, find, isNonEmptyString, isObject, listParam, noContent, ok, paginate, parsePage, requireObjectBody } from '../core/params.mjs';
import { entryKey, iso, makeEntry } from '../data.mjs';

const MAX_ENTRIES_PER_CALL = 10_000;

export function blacklistView(state, blacklist) {
	return { ...blacklist, entry_count: state.blacklistEntries.get(blacklist.id).length };
}

function validateBlacklistFields(body, { requireName }) {
	const issues = [];
	if ((requireName || 'name' in body) && (!isNonEmptyString(body.name) || body.name.length > 200)) issues.push(issue('name', 'must be a non-empty string of at most 200 characters', body.name ?? null));
	if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') issues.push(issue('description', 'must be a string or null', body.description));
	if (!requireName && !('name' in body) && !('description' in body)) issues.push(issue('body', 'send name and/or description', null));
	if (issues.length) throw validationError(issues);
}

function createBlacklist(sim, { body }) {
	validateBlacklistFields(requireObjectBody(body), { requireName: true });
	const at = iso(sim.clock.now());
	const blacklist = { id: sim.ids.uuid(), name: body.name, description: body.description ?? null, created_at: at, updated_at: at };
	sim.state.blacklists.set(blacklist.id, blacklist);
	sim.state.blacklistEntries.set(blacklist.id, []);
	return created(blacklistView(sim.state, blacklist));
}

function listBlacklists(sim, { query }) {
	const page = parsePage(query);
	return ok(paginate([...sim.state.blacklists.values()].map((blacklist) => blacklistView(sim.state, blacklist)), page));
}

const getBlacklist = (sim, { params }) => ok(blacklistView(sim.state, find(sim.state.blacklists, 'blacklist', params.blacklist_id)));

function updateBlacklist(sim, { params, body }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	validateBlacklistFields(requireObjectBody(body), { requireName: false });
	if ('name' in body) blacklist.name = body.name;
	if ('description' in body) blacklist.description = body.description ?? null;
	blacklist.updated_at = iso(sim.clock.now());
	return ok(blacklistView(sim.state, blacklist));
}

function deleteBlacklist(sim, { params }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	sim.state.blacklists.delete(blacklist.id);
	sim.state.blacklistEntries.delete(blacklist.id);
	for (const [searchId, ids] of sim.state.assignments) sim.state.assignments.set(searchId, ids.filter((id) => id !== blacklist.id));
	return noContent();
}

function addEntries(sim, { params, body }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	const entries = requireObjectBody(body).entries;
	if (!Array.isArray(entries) || entries.length < 1) throw validationError([issue('entries', 'must be a non-empty array of entries', entries ?? null)]);
	if (entries.length > MAX_ENTRIES_PER_CALL) {
		throw validationError([issue('entries', `must contain at most ${MAX_ENTRIES_PER_CALL} entries per call`, entries.length)], `At most ${MAX_ENTRIES_PER_CALL} entries per call; split the list into batches`);
	}
	const issues = [];
	entries.forEach((entry, index) => {
		const prefix = `entries[${index}]`;
		if (!isObject(entry)) return issues.push(issue(prefix, 'must be an object', entry));
		checkStringFields(entry, ['company_name', 'website_url', 'external_id', 'city'], `${prefix}.`, issues);
		if (!['company_name', 'website_url', 'external_id'].some((field) => isNonEmptyString(entry[field]))) {
			issues.push(issue(prefix, 'needs company_name, website_url or external_id', entry));
		}
	});
	if (issues.length) throw validationError(issues);
	const list = sim.state.blacklistEntries.get(blacklist.id);
	const seen = new Set(list.map(entryKey));
	const at = iso(sim.clock.now());
	let added = 0;
	for (const entry of entries) {
		const key = entryKey(entry);
		if (seen.has(key)) continue;
		seen.add(key);
		list.push(makeEntry(sim.ids.uuid(), blacklist.id, entry, at));
		added += 1;
	}
	if (added) blacklist.updated_at = at;
	return created({ added, skipped_duplicates: entries.length - added, total_entries: list.length });
}

function listEntries(sim, { params, query }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	return ok(paginate(sim.state.blacklistEntries.get(blacklist.id), parsePage(query)));
}

function deleteEntries(sim, { params, body, query }) {
	const blacklist = find(sim.state.blacklists, 'blacklist', params.blacklist_id);
	const ids = isObject(body) ? body.entry_ids : listParam(query, 'entry_ids');
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
		throw validationError([issue('entry_ids', 'must be a non-empty array of entry ids', ids ?? null)]);
	}
	const remove = new Set(ids);
	const list = sim.state.blacklistEntries.get(blacklist.id);
	const kept = list.filter((entry) => !remove.has(entry.id));
	sim.state.blacklistEntries.set(blacklist.id, kept);
	const deleted = list.length - kept.length;
	if (deleted) blacklist.updated_at = iso(sim.clock.now());
	return ok({ deleted });
}

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['POST', '/api/v1/blacklists', WRITE('blacklists'), createBlacklist, 'optional'],
	['GET', '/api/v1/blacklists', READ('blacklists'), listBlacklists],
	['GET', '/api/v1/blacklists/{blacklist_id}', READ('blacklists'), getBlacklist],
	['PATCH', '/api/v1/blacklists/{blacklist_id}', WRITE('blacklists'), updateBlacklist],
	['DELETE', '/api/v1/blacklists/{blacklist_id}', WRITE('blacklists'), deleteBlacklist],
	['POST', '/api/v1/blacklists/{blacklist_id}/entries', WRITE('blacklists'), addEntries, 'optional'],
	['GET', '/api/v1/blacklists/{blacklist_id}/entries', READ('blacklists'), listEntries],
	['DELETE', '/api/v1/blacklists/{blacklist_id}/entries', WRITE('blacklists'), deleteEntries],
];
