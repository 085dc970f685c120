// Prospect searches and their assigned blacklists.
import { READ, WRITE } from '../core/auth.mjs';
import { ApiError, issue, validationError } from '../core/errors.mjs';
import { clone, find, isNonEmptyString, ok, paginate, parsePage, requireObjectBody } from '../core/params.mjs';
import { companiesOfSearch } from '../core/visibility.mjs';
import { iso } from '../data.mjs';
import { blacklistView } from './blacklists.mjs';

function searchView(state, search) {
	return { ...clone(search), company_count: companiesOfSearch(state, search.id).length, blacklist_ids: [...state.assignments.get(search.id)] };
}

function listSearches(sim, { query }) {
	const page = parsePage(query);
	const views = [...sim.state.prospectSearches.values()].map((search) => searchView(sim.state, search));
	return ok(paginate(views, page, { hasMore: false }));
}

const getSearch = (sim, { params }) => ok(searchView(sim.state, find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id)));

const EDITABLE_SEARCH_FIELDS = ['name', 'ideal_customer_profile'];

const ADMIN_SEARCH_FIELDS = ['geo_locations', 'search_keywords'];

const isReadOnlySearchField = (field) => field === 'language_config' || field.endsWith('_extraction_commands');

function patchSearch(sim, { params, body }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	requireObjectBody(body);
	const issues = [];
	if (!Number.isInteger(body.version)) issues.push(issue('version', 'is required and must be an integer', body.version ?? null));
	const mask = body.update_mask;
	if (mask !== undefined && (!Array.isArray(mask) || !mask.every((field) => typeof field === 'string'))) issues.push(issue('update_mask', 'must be an array of field names', mask));
	const candidates = Array.isArray(mask) && mask.length > 0 ? mask : Object.keys(body).filter((field) => field !== 'version' && field !== 'update_mask');
	for (const field of candidates.filter(isReadOnlySearchField)) issues.push(issue(field, 'is read-only', body[field] ?? null));
	if (Array.isArray(mask)) {
		for (const field of mask) {
			if (![...EDITABLE_SEARCH_FIELDS, ...ADMIN_SEARCH_FIELDS].includes(field) && !isReadOnlySearchField(field)) issues.push(issue(`update_mask`, `unknown field ${field}`, field));
		}
	}
	if ('name' in body && candidates.includes('name') && (!isNonEmptyString(body.name) || body.name.length > 200)) issues.push(issue('name', 'must be a non-empty string of at most 200 characters', body.name));
	if ('ideal_customer_profile' in body && candidates.includes('ideal_customer_profile') && typeof body.ideal_customer_profile !== 'string') {
		issues.push(issue('ideal_customer_profile', 'must be a string', body.ideal_customer_profile));
	}
	if (issues.length) throw validationError(issues);
	if (body.version !== search.version) {
		throw new ApiError(409, 'VERSION_CONFLICT', `Prospect search ${search.id} is at version ${search.version}, not ${body.version}; fetch it again and retry`, {
			details: { current_version: search.version, provided_version: body.version },
		});
	}
	const strippedFields = candidates.filter((field) => ADMIN_SEARCH_FIELDS.includes(field) && field in body);
	const applied = candidates.filter((field) => EDITABLE_SEARCH_FIELDS.includes(field) && field in body);
	for (const field of applied) search[field] = body[field];
	if (applied.length) {
		search.version += 1;
		search.updated_at = iso(sim.clock.now());
	}
	return ok({ ...searchView(sim.state, search), stripped_fields: strippedFields });
}

function listAssigned(sim, { params, query }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const page = parsePage(query);
	const blacklists = sim.state.assignments.get(search.id).map((id) => blacklistView(sim.state, sim.state.blacklists.get(id)));
	return ok(paginate(blacklists, page));
}

function setAssigned(sim, { params, body }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const ids = requireObjectBody(body).blacklist_ids;
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw validationError([issue('blacklist_ids', 'must be an array of blacklist ids', ids ?? null)]);
	const unknown = ids.map((id, index) => [id, index]).filter(([id]) => !sim.state.blacklists.has(id));
	if (unknown.length) throw validationError(unknown.map(([id, index]) => issue(`blacklist_ids[${index}]`, 'blacklist not found', id)));
	const unique = [...new Set(ids)];
	sim.state.assignments.set(search.id, unique);
	const items = unique.map((id) => blacklistView(sim.state, sim.state.blacklists.get(id)));
	return ok({ prospect_search_id: search.id, blacklist_ids: unique, items, total: items.length });
}

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['GET', '/api/v1/prospect-searches', READ('prospect_searches'), listSearches],
	['GET', '/api/v1/prospect-searches/{prospect_search_id}', READ('prospect_searches'), getSearch],
	['PATCH', '/api/v1/prospect-searches/{prospect_search_id}', WRITE('prospect_searches'), patchSearch],
	['GET', '/api/v1/prospect-searches/{prospect_search_id}/blacklists', READ('blacklists'), listAssigned],
	['PUT', '/api/v1/prospect-searches/{prospect_search_id}/blacklists', WRITE('blacklists'), setAssigned],
];
