// Companies, their job listings and technology stack.
import { READ } from '../core/auth.mjs';
import { issue, validationError } from '../core/errors.mjs';
import { byId, find, listParam, ok, paginate, parsePage } from '../core/params.mjs';
import { visibleCompanies } from '../core/visibility.mjs';
import { generateJobs, generateWebtech, summarizeJobs, summarizeWebtech } from '../data.mjs';

const REVIEW_STATUSES = ['accepted', 'rejected', 'pending'];

function listCompanies(sim, { query }) {
	const searchId = query.get('prospect_search_id');
	if (!searchId) throw validationError([issue('prospect_search_id', 'is required', null, 'query')]);
	const page = parsePage(query);
	const issues = [];
	const minRaw = query.get('min_match_score');
	const minScore = minRaw === null || minRaw === '' ? null : Number(minRaw);
	if (minScore !== null && (Number.isNaN(minScore) || minScore < 0 || minScore > 10)) issues.push(issue('min_match_score', 'must be a number between 0 and 10', minRaw, 'query'));
	const single = query.get('review_status');
	const list = listParam(query, 'review_status_list');
	const statuses = list.length ? list : single ? [single] : [];
	for (const status of statuses) if (!REVIEW_STATUSES.includes(status)) issues.push(issue(list.length ? 'review_status_list' : 'review_status', `must be one of ${REVIEW_STATUSES.join(', ')}`, status, 'query'));
	if (issues.length) throw validationError(issues);
	const search = find(sim.state.prospectSearches, 'prospect_search', searchId);
	const text = (query.get('search') ?? '').trim().toLowerCase();
	const haystack = (company) =>
		[company.name, company.city, company.business_type, company.industry, ...company.prospects.flatMap((prospect) => [prospect.name, prospect.role, prospect.email])].join('\n').toLowerCase();
	const items = visibleCompanies(sim, search.id)
		.filter((company) => minScore === null || company.match_score >= minScore)
		.filter((company) => statuses.length === 0 || statuses.includes(company.review_status))
		.filter((company) => !text || haystack(company).includes(text))
		.sort((a, b) => b.match_score - a.match_score || byId(a, b));
	return ok(paginate(items, page));
}

const getCompany = (sim, { params }) => ok(find(sim.state.companies, 'company', params.company_id));

function cached(sim, kind, company, build) {
	const key = `${kind}:${company.id}`;
	if (!sim.cache.has(key)) sim.cache.set(key, build(sim.seed, company));
	return sim.cache.get(key);
}

function listJobs(sim, { params, query }) {
	const company = find(sim.state.companies, 'company', params.company_id);
	return ok(paginate(cached(sim, 'jobs', company, generateJobs), parsePage(query)));
}

function jobsSummary(sim, { params }) {
	const company = find(sim.state.companies, 'company', params.company_id);
	return ok(summarizeJobs(company, cached(sim, 'jobs', company, generateJobs)));
}

const webtech = (sim, { params }) => ok(cached(sim, 'webtech', find(sim.state.companies, 'company', params.company_id), generateWebtech));

const webtechSummary = (sim, ctx) => ok(summarizeWebtech(webtech(sim, ctx).body));

/** [method, template, scopes (null: no auth, []: any key), handler, Idempotency-Key ('optional' | 'required')]. */
export const routes = [
	['GET', '/api/v1/companies', READ('companies'), listCompanies],
	['GET', '/api/v1/companies/{company_id}', READ('companies'), getCompany],
	['GET', '/api/v1/companies/{company_id}/jobs', READ('companies'), listJobs],
	['GET', '/api/v1/companies/{company_id}/jobs/summary', READ('companies'), jobsSummary],
	['GET', '/api/v1/companies/{company_id}/webtech-intel', READ('companies'), webtech],
	['GET', '/api/v1/companies/{company_id}/webtech-intel/summary', READ('companies'), webtechSummary],
];
