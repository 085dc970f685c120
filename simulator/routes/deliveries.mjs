// Delivered companies of a prospect search, oldest first.
import { find, ok, paginate, parseDateParam, parsePage } from '../core/params.mjs';
import { visibleCompanies } from '../core/visibility.mjs';

function listDeliveries(sim, { params, query }) {
	const search = find(sim.state.prospectSearches, 'prospect_search', params.prospect_search_id);
	const since = parseDateParam(query, 'delivered_since');
	const page = parsePage(query);
	return ok(paginate(visibleCompanies(sim, search.id, since), page));
}

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['GET', '/api/v1/deliveries/{prospect_search_id}/companies', ['companies:read', 'prospects:read'], listDeliveries],
];
