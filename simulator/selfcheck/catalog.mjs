// Self-check: Prospect searches, companies, prospects and deliveries.
import assert from 'node:assert/strict';

import { V1, assertError } from './assert.mjs';

export async function checkSearchesCompaniesProspects(sim, api) {
	const searches = await api('GET', `${V1}/prospect-searches?limit=2`);
	assert.equal(searches.status, 200);
	assert.deepEqual(Object.keys(searches.body).sort(), ['items', 'limit', 'offset', 'total']);
	assert.equal(searches.body.total, 3);
	assert.equal(searches.body.items.length, 2);
	const search = searches.body.items[0];
	assert.equal(search.status, 'ACTIVE');
	assert.equal(search.version, 1);

	const one = await api('GET', `${V1}/prospect-searches/${search.id}`);
	assert.equal(one.body.version, 1);
	assertError(await api('GET', `${V1}/prospect-searches/missing`), 404, 'PROSPECT_SEARCH_NOT_FOUND');
	assertError(await api('PATCH', `${V1}/prospect-searches/${search.id}`, { body: { version: 7, name: 'x' } }), 409, 'VERSION_CONFLICT');
	assertError(await api('PATCH', `${V1}/prospect-searches/${search.id}`, { body: { name: 'x' } }), 422, 'VALIDATION_ERROR');
	assertError(await api('PATCH', `${V1}/prospect-searches/${search.id}`, { key: sim.keys.readOnly, body: { version: 1, name: 'x' } }), 403, 'AUTHORIZATION_ERROR');
	const patched = await api('PATCH', `${V1}/prospect-searches/${search.id}`, { body: { version: 1, name: 'Renamed', geo_locations: ['FR'], search_keywords: ['x'] } });
	assert.equal(patched.status, 200);
	assert.equal(patched.body.name, 'Renamed');
	assert.equal(patched.body.version, 2);
	assert.deepEqual(patched.body.stripped_fields, ['geo_locations', 'search_keywords']);
	assert.notDeepEqual(patched.body.geo_locations, ['FR']);
	const masked = await api('PATCH', `${V1}/prospect-searches/${search.id}`, { body: { version: 2, update_mask: ['ideal_customer_profile'], name: 'ignored', ideal_customer_profile: 'New ICP' } });
	assert.equal(masked.body.name, 'Renamed');
	assert.equal(masked.body.ideal_customer_profile, 'New ICP');
	assert.equal(masked.body.version, 3);

	assertError(await api('GET', `${V1}/companies`), 422, 'VALIDATION_ERROR');
	const companies = await api('GET', `${V1}/companies?prospect_search_id=${search.id}&limit=100&offset=200`);
	assert.equal(companies.body.total, 250);
	assert.equal(companies.body.items.length, 50);
	assert.equal(companies.body.has_more, false);
	const company = companies.body.items[0];
	assert.ok(Object.keys(company).length > 10);
	assert.ok(company.prospects.length >= 1 && company.prospects.length <= 3);
	const high = await api('GET', `${V1}/companies?prospect_search_id=${search.id}&min_match_score=8&limit=100`);
	assert.ok(high.body.items.every((item) => item.match_score >= 8));
	const byStatus = async (query) => (await api('GET', `${V1}/companies?prospect_search_id=${search.id}&${query}`)).body.total;
	const [accepted, rejected, pending] = [await byStatus('review_status=accepted'), await byStatus('review_status=rejected'), await byStatus('review_status=pending')];
	assert.equal(accepted + rejected + pending, 250);
	assert.equal(await byStatus('review_status_list=accepted&review_status_list=pending'), accepted + pending);
	assert.equal(await byStatus('review_status_list=accepted,rejected'), accepted + rejected);
	assertError(await api('GET', `${V1}/companies?prospect_search_id=${search.id}&review_status=maybe`), 422, 'VALIDATION_ERROR');
	const word = company.name.split(' ')[0].toLowerCase();
	const found = await api('GET', `${V1}/companies?prospect_search_id=${search.id}&search=${encodeURIComponent(word)}`);
	assert.ok(found.body.items.some((item) => item.id === company.id));

	assert.equal((await api('GET', `${V1}/companies/${company.id}`)).body.id, company.id);
	assertError(await api('GET', `${V1}/companies/missing`), 404, 'COMPANY_NOT_FOUND');
	const jobs = await api('GET', `${V1}/companies/${company.id}/jobs`);
	assert.equal(jobs.status, 200);
	assert.ok('has_more' in jobs.body);
	const jobsSummary = await api('GET', `${V1}/companies/${company.id}/jobs/summary`);
	assert.equal(jobsSummary.body.total_jobs, jobs.body.total);
	const webtech = await api('GET', `${V1}/companies/${company.id}/webtech-intel`);
	assert.ok(webtech.body.technologies.length >= 4);
	const webtechSummary = await api('GET', `${V1}/companies/${company.id}/webtech-intel/summary`);
	assert.equal(webtechSummary.body.total_technologies, webtech.body.technologies.length);

	const prospects = await api('GET', `${V1}/prospects?company_id=${company.id}`);
	assert.equal(prospects.body.total, company.prospects.length);
	const prospect = prospects.body.items[0];
	assert.match(prospect.id, /^ps_[0-9a-f]{16}$/);
	assert.equal((await api('GET', `${V1}/prospects/${prospect.id}`)).body.email, prospect.email);
	const bySearch = await api('GET', `${V1}/prospects?prospect_search_id=${search.id}&limit=1`);
	assert.ok(bySearch.body.total >= 250 && bySearch.body.has_more);
	const missingProspect = await api('GET', `${V1}/prospects/ps_missing`);
	assertError(missingProspect, 404, 'PROSPECT_NOT_FOUND');
	assert.equal(missingProspect.body.entity_type, 'prospect');
	assert.equal(missingProspect.body.identifier, 'ps_missing');
}

export async function checkDeliveries(sim, api) {
	const searchId = [...sim.state.prospectSearches.keys()][1];
	const all = [];
	for (let offset = 0; ; offset += 100) {
		const page = await api('GET', `${V1}/deliveries/${searchId}/companies?limit=100&offset=${offset}`);
		assert.equal(page.status, 200);
		all.push(...page.body.items);
		if (!page.body.has_more) break;
	}
	assert.equal(all.length, 250);
	for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].delivered_at <= all[i].delivered_at, 'sorted ascending by delivered_at');
	assert.ok(all.every((company) => Array.isArray(company.prospects) && company.prospects.length > 0));

	const pivot = all[200].delivered_at;
	const since = await api('GET', `${V1}/deliveries/${searchId}/companies?limit=100&delivered_since=${encodeURIComponent(pivot)}`);
	assert.equal(since.body.items[0].delivered_at, pivot, 'delivered_since is inclusive');
	assert.equal(since.body.total, all.filter((company) => company.delivered_at >= pivot).length);

	sim.clock.advance(60_000);
	const added = sim.addCompanies(searchId, 3);
	const fresh = await api('GET', `${V1}/deliveries/${searchId}/companies?delivered_since=${encodeURIComponent(added[0].delivered_at)}`);
	assert.equal(fresh.body.total, 3);
	assert.deepEqual(fresh.body.items.map((item) => item.id), added.map((item) => item.id).sort());
	assertError(await api('GET', `${V1}/deliveries/missing/companies`), 404, 'PROSPECT_SEARCH_NOT_FOUND');
	assertError(await api('GET', `${V1}/deliveries/${searchId}/companies?delivered_since=yesterday`), 422, 'VALIDATION_ERROR');
}
