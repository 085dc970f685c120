// A search's delivered companies as the lists show them: blacklists applied, sorted, late-visible ones held back.
import { YEAR_MS } from './clock.mjs';
import { byId } from './params.mjs';
import { createRng, domainOf } from '../data.mjs';

export function checkVisibilityDelay(ms) {
	if (!Number.isFinite(ms) || ms < 0 || ms > YEAR_MS) throw new RangeError('deliveryVisibilityDelayMs must be a number of ms between 0 and one year');
	return Math.trunc(ms);
}

export const companiesOfSearch = (state, searchId) => [...state.companies.values()].filter((company) => company.prospect_search_id === searchId);

/** Predicate for companies hidden by the blacklists assigned to a search (null when none). */
function blacklistMatcher(state, searchId) {
	const entries = (state.assignments.get(searchId) ?? []).flatMap((id) => state.blacklistEntries.get(id) ?? []);
	if (entries.length === 0) return null;
	const lower = (text) => String(text ?? '').trim().toLowerCase();
	const externalIds = new Set(entries.map((entry) => entry.external_id).filter(Boolean));
	const domains = new Set(entries.map((entry) => domainOf(entry.website_url)).filter(Boolean));
	const nameCity = new Set(entries.filter((entry) => entry.company_name && entry.city).map((entry) => `${lower(entry.company_name)}|${lower(entry.city)}`));
	const names = new Set(entries.filter((entry) => entry.company_name && !entry.city).map((entry) => lower(entry.company_name)));
	return (company) =>
		(company.source_id && externalIds.has(company.source_id)) ||
		domains.has(company.domain) ||
		nameCity.has(`${lower(company.name)}|${lower(company.city)}`) ||
		names.has(lower(company.name));
}

/** The seeded delay (0..max ms) after its `delivered_at` before a company shows in lists. */
export function visibilityDelay(sim, companyId) {
	if (sim.visibilityDelayMs === 0) return 0;
	let delay = sim.visibilityDelays.get(companyId);
	if (delay === undefined) {
		delay = Math.floor(createRng(sim.seed, 'visibility', companyId).next() * (sim.visibilityDelayMs + 1));
		sim.visibilityDelays.set(companyId, delay);
	}
	return delay;
}

/**
 * A search's companies not hidden by its blacklists, sorted by `delivered_at` then id, with their
 * delivery times in ms. Rebuilt only when something may have changed: the many pages of a large
 * delivery are then served without re-sorting it for every page.
 */
function deliveryIndex(sim, searchId) {
	const { state } = sim;
	const assigned = state.assignments.get(searchId);
	const cached = sim.deliveryIndexes.get(searchId);
	if (cached && cached.generation === sim.generation && cached.size === state.companies.size && cached.assigned === assigned) return cached;
	const hidden = blacklistMatcher(state, searchId);
	const entries = companiesOfSearch(state, searchId)
		.filter((company) => !hidden?.(company))
		.map((company) => ({ company, ms: Date.parse(company.delivered_at) }))
		.sort((a, b) => a.ms - b.ms || byId(a.company, b.company));
	const index = { generation: sim.generation, size: state.companies.size, assigned, companies: entries.map((entry) => entry.company), ms: entries.map((entry) => entry.ms) };
	sim.deliveryIndexes.set(searchId, index);
	return index;
}

/** First position whose value is >= target in an ascending array. */
function lowerBound(values, target) {
	let [low, high] = [0, values.length];
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (values[mid] < target) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Companies of a search that the lists show now (delivered, and visible after their delay), from `sinceMs` on, in delivery order. */
export function visibleCompanies(sim, searchId, sinceMs = null) {
	const { companies, ms } = deliveryIndex(sim, searchId);
	const now = sim.clock.now();
	const start = sinceMs === null ? 0 : lowerBound(ms, sinceMs);
	const end = lowerBound(ms, now + 1);
	if (sim.visibilityDelayMs === 0) return companies.slice(start, end);
	const visible = [];
	for (let i = start; i < end; i++) if (ms[i] + visibilityDelay(sim, companies[i].id) <= now) visible.push(companies[i]);
	return visible;
}
