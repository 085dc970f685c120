// Prospects (contact persons).
import { READ } from '../core/auth.mjs';
import { find, ok, paginate, parsePage } from '../core/params.mjs';

function listProspects(sim, { query }) {
	const page = parsePage(query);
	const searchId = query.get('prospect_search_id');
	const companyId = query.get('company_id');
	const items = [...sim.state.prospects.values()].filter(
		(prospect) => (!searchId || prospect.prospect_search_id === searchId) && (!companyId || prospect.company_id === companyId),
	);
	return ok(paginate(items, page));
}

const getProspect = (sim, { params }) => ok(find(sim.state.prospects, 'prospect', params.prospect_id));

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['GET', '/api/v1/prospects', READ('prospects'), listProspects],
	['GET', '/api/v1/prospects/{prospect_id}', READ('prospects'), getProspect],
];
