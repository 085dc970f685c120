// Self-check of the OpenProspect simulator: `node simulator/selfcheck.mjs` → prints `selfcheck ok`.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { DOCUMENTED_IDEMPOTENT_ROUTES, startSimulator } from './server.mjs';

const V1 = '/api/v1';

/** A small fetch wrapper: JSON in, `{status, headers, body, text}` out. */
function client(sim) {
	return async function api(method, path, { key = sim.apiKey, body, headers = {}, rawBody, signal } = {}) {
		const init = { method, headers: { ...headers }, signal };
		if (key) init.headers.Authorization = `Bearer ${key}`;
		if (rawBody !== undefined) init.body = rawBody;
		else if (body !== undefined) init.body = JSON.stringify(body);
		if (init.body !== undefined) init.headers['Content-Type'] = 'application/json';
		const res = await fetch(`${sim.baseUrl}${path}`, init);
		const text = await res.text();
		let parsed = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = undefined;
		}
		return { status: res.status, headers: res.headers, body: parsed, text };
	};
}

function assertError(res, status, code) {
	assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
	assert.equal(res.body.code, code, res.text);
	assert.equal(typeof res.body.message, 'string');
}

async function checkBasics(sim, api) {
	const before = sim.clock.now();
	const health = await api('GET', '/health', { key: null });
	const date = Date.parse(health.headers.get('date'));
	assert.ok(date >= Math.floor(before / 1000) * 1000 && date <= sim.clock.now(), 'the Date header is the server clock');
	assert.equal(health.status, 200);
	assert.deepEqual(health.body, { service: 'OpenProspect API', status: 'healthy' });
	assert.match(health.headers.get('x-request-id'), /^req_\d{6}$/);

	const valid = await api('GET', `${V1}/auth/validate`);
	assert.equal(valid.status, 200);
	assert.equal(valid.body.valid, true);
	assert.ok(valid.body.scopes.includes('prospect_searches:write'));
	assert.deepEqual((await api('GET', `${V1}/auth/validate/`)).status, 200, 'trailing slash accepted');

	assertError(await api('GET', `${V1}/auth/validate`, { key: null }), 401, 'UNAUTHORIZED');
	assertError(await api('GET', `${V1}/auth/validate`, { key: 'lnc_test_nope' }), 401, 'UNAUTHORIZED');
	assertError(await api('GET', `${V1}/auth/validate`, { key: sim.keys.expired }), 401, 'UNAUTHORIZED');
	const readOnly = await api('GET', `${V1}/auth/validate`, { key: sim.keys.readOnly });
	assert.ok(readOnly.body.scopes.every((scope) => scope.endsWith(':read')));

	const forbidden = await api('POST', `${V1}/orders`, { key: sim.keys.readOnly, body: { profile_id: 'p', briefing_quantity: 5 } });
	assertError(forbidden, 403, 'AUTHORIZATION_ERROR');
	assert.equal(forbidden.body.message, 'Missing required scopes: orders:write');
	assert.deepEqual(forbidden.body.details.required_scopes, ['orders:write']);
	assert.ok(forbidden.body.details.user_scopes.includes('orders:read'));
	assertError(await api('GET', `${V1}/companies?prospect_search_id=x`, { key: sim.keys.ordersOnly }), 403, 'AUTHORIZATION_ERROR');
	const search = [...sim.state.prospectSearches.keys()][0];
	const deliveries = await api('GET', `${V1}/deliveries/${search}/companies`, { key: 'lnc_test_companies_only' });
	assertError(deliveries, 403, 'AUTHORIZATION_ERROR');
	assert.equal(deliveries.body.message, 'Missing required scopes: prospects:read');

	assertError(await api('GET', `${V1}/nope`), 404, 'NOT_FOUND');
	const wrongMethod = await api('DELETE', `${V1}/orders`);
	assertError(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
	assert.match(wrongMethod.headers.get('allow'), /POST/);
	assertError(await api('POST', `${V1}/blacklists`, { rawBody: '{"name": ' }), 400, 'INVALID_JSON');

	for (const query of ['limit=101', 'limit=0', 'offset=-1', 'limit=abc']) {
		const res = await api('GET', `${V1}/orders?${query}`);
		assertError(res, 422, 'VALIDATION_ERROR');
		assert.ok(Array.isArray(res.body.details.validation_errors), res.text);
	}
	const limit101 = await api('GET', `${V1}/prospects?limit=101`);
	assert.deepEqual(limit101.body.details.validation_errors[0], { field: 'limit', error: 'must be an integer between 1 and 100', provided: 101 });
}

async function checkSearchesCompaniesProspects(sim, api) {
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

async function checkDeliveries(sim, api) {
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

async function checkBlacklists(sim, api) {
	const list = await api('GET', `${V1}/blacklists`);
	assert.equal(list.body.total, 2);
	const seeded = list.body.items[0];
	assert.equal(seeded.entry_count, 5);

	const createdRes = await api('POST', `${V1}/blacklists`, { body: { name: 'Partners', description: 'Do not contact' } });
	assert.equal(createdRes.status, 201);
	const blacklist = createdRes.body;
	assert.equal(blacklist.entry_count, 0);
	assertError(await api('POST', `${V1}/blacklists`, { body: { description: 'no name' } }), 422, 'VALIDATION_ERROR');
	assert.equal((await api('GET', `${V1}/blacklists/${blacklist.id}`)).body.name, 'Partners');
	const renamed = await api('PATCH', `${V1}/blacklists/${blacklist.id}`, { body: { name: 'Partners 2026' } });
	assert.equal(renamed.body.name, 'Partners 2026');
	assert.equal(renamed.body.description, 'Do not contact');

	const entries = [{ company_name: 'Acme', website_url: 'https://acme.example' }, { website_url: 'http://www.acme.example/about' }, { external_id: 'CRM-1' }, { company_name: 'Solo', city: 'Berlin' }];
	const addedRes = await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries } });
	assert.equal(addedRes.status, 201);
	assert.deepEqual(addedRes.body, { added: 3, skipped_duplicates: 1, total_entries: 3 });
	const tooMany = await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries: Array.from({ length: 10_001 }, (_, i) => ({ external_id: `X${i}` })) } });
	assertError(tooMany, 422, 'VALIDATION_ERROR');
	assertError(await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries: [{ city: 'Berlin' }] } }), 422, 'VALIDATION_ERROR');
	const entryPage = await api('GET', `${V1}/blacklists/${blacklist.id}/entries?limit=2`);
	assert.equal(entryPage.body.total, 3);
	assert.equal(entryPage.body.has_more, true);
	const deleted = await api('DELETE', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entry_ids: [entryPage.body.items[0].id, 'unknown'] } });
	assert.deepEqual(deleted.body, { deleted: 1 });

	const searchId = [...sim.state.prospectSearches.keys()][0];
	const companiesTotal = async () => (await api('GET', `${V1}/companies?prospect_search_id=${searchId}`)).body.total;
	const before = await companiesTotal();
	assertError(await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: ['nope'] } }), 422, 'VALIDATION_ERROR');
	const assigned = await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: [seeded.id, blacklist.id] } });
	assert.equal(assigned.status, 200);
	assert.deepEqual(assigned.body.blacklist_ids, [seeded.id, blacklist.id]);
	const assignedList = await api('GET', `${V1}/prospect-searches/${searchId}/blacklists`);
	assert.equal(assignedList.body.total, 2);
	assert.equal(await companiesTotal(), before - 3, 'assigned blacklist hides matching companies');
	await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: [blacklist.id] } });
	assert.equal(await companiesTotal(), before);

	const removed = await api('DELETE', `${V1}/blacklists/${blacklist.id}`);
	assert.equal(removed.status, 204);
	assert.equal(removed.text, '');
	const gone = await api('GET', `${V1}/blacklists/${blacklist.id}`);
	assertError(gone, 404, 'BLACKLIST_NOT_FOUND');
	assert.equal(gone.body.entity_type, 'blacklist');
	assert.equal((await api('GET', `${V1}/prospect-searches/${searchId}/blacklists`)).body.total, 0);
}

async function checkOrders(sim, api) {
	const create = (body, headers) => api('POST', `${V1}/orders`, { body, headers });
	const discovery = await create({ profile_id: 'prof-1', briefing_quantity: 12 });
	assert.equal(discovery.status, 201);
	assert.match(discovery.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	assert.equal(discovery.body.status, 'RECEIVED');
	assert.equal(discovery.body.order_type, 'DISCOVERY');
	assert.equal(discovery.body.completed_at, null);
	assert.equal(discovery.body.status_message, null);
	const orderId = discovery.body.id;
	const notDone = await api('GET', `${V1}/orders/${orderId}/results`);
	assertError(notDone, 409, 'ORDER_NOT_COMPLETED');

	const statusOf = async (id) => (await api('GET', `${V1}/orders/${id}`)).body;
	sim.clock.advance(2_000);
	assert.equal((await statusOf(orderId)).status, 'ACCEPTED');
	sim.clock.advance(3_000);
	assert.equal((await statusOf(orderId)).status, 'IN_PROGRESS');
	sim.clock.advance(5_000);
	const done = await statusOf(orderId);
	assert.equal(done.status, 'COMPLETED');
	assert.equal(done.completed_at, done.updated_at);
	const results = await api('GET', `${V1}/orders/${orderId}/results?limit=5`);
	assert.equal(results.body.total, 12);
	assert.equal(results.body.items.length, 5);
	assert.equal(results.body.has_more, true);
	assert.ok(results.body.items.every((item) => item.source_id === null && Object.keys(item).length > 10));
	const item = results.body.items[0];
	assert.ok(item.match_score >= 0 && item.match_score <= 10 && Math.round(item.match_score * 10) === item.match_score * 10);
	assert.ok(Array.isArray(item.contacts) && item.contacts[0].email && Array.isArray(item.technologies));

	const rows = Array.from({ length: 20 }, (_, i) => ({ company_name: `Row ${i}`, website_url: `https://row${i}.example`, external_id: `CRM-${i}` }));
	rows.push({ website_url: 'https://no-external.example' });
	const enrichment = await create({ profile_id: 'prof-2', companies: rows });
	assert.equal(enrichment.status, 201);
	assert.equal(enrichment.body.order_type, 'ENRICHMENT');
	assert.equal(enrichment.body.company_count, 21);
	sim.clock.advance(10_000);
	const enriched = await api('GET', `${V1}/orders/${enrichment.body.id}/results?limit=100`);
	const sourceIds = enriched.body.items.map((result) => result.source_id);
	assert.deepEqual([...sourceIds].sort(), [...rows.map((row) => row.external_id ?? null)].sort());
	assert.notDeepEqual(sourceIds, rows.map((row) => row.external_id ?? null), 'results are shuffled');

	const rejected = await create({ profile_id: 'prof-3', briefing_quantity: 1000 });
	const failed = await create({ profile_id: 'prof-fail-4', briefing_quantity: 3 });
	sim.clock.advance(2_000);
	const rejectedNow = await statusOf(rejected.body.id);
	assert.equal(rejectedNow.status, 'REJECTED');
	assert.equal(rejectedNow.status_message, 'Briefing quantity exceeds the monthly allowance');
	sim.clock.advance(3_000);
	assert.equal((await statusOf(failed.body.id)).status, 'IN_PROGRESS');
	sim.clock.advance(5_000);
	const failedNow = await statusOf(failed.body.id);
	assert.equal(failedNow.status, 'FAILED');
	assert.ok(failedNow.status_message);

	assertError(await create({ profile_id: 'p', briefing_quantity: 5, companies: [{ company_name: 'x' }] }), 422, 'VALIDATION_ERROR');
	assertError(await create({ profile_id: 'p', briefing_quantity: 5_001 }), 422, 'VALIDATION_ERROR');
	assertError(await create({ profile_id: 'p', briefing_quantity: 0 }), 422, 'VALIDATION_ERROR');
	assertError(await create({ profile_id: 'p', companies: [] }), 422, 'VALIDATION_ERROR');
	const badRows = await create({ companies: [{ company_name: 'ok' }, { city: 'Berlin' }] });
	assertError(badRows, 422, 'VALIDATION_ERROR');
	assert.deepEqual(badRows.body.details.validation_errors[0], { field: 'companies[1].company_name', error: 'company_name or website_url is required', provided: { city: 'Berlin' } });

	const missing = await api('GET', `${V1}/orders/00000000-0000-4000-8000-000000000000`);
	assertError(missing, 404, 'ORDER_NOT_FOUND');
	assert.equal(missing.body.entity_type, 'order');
	assert.equal(missing.body.identifier, '00000000-0000-4000-8000-000000000000');

	const list = await api('GET', `${V1}/orders?limit=2`);
	assert.deepEqual(Object.keys(list.body).sort(), ['has_more', 'limit', 'offset', 'orders', 'total']);
	assert.equal(list.body.total, 4);
	const allOrders = (await api('GET', `${V1}/orders`)).body.orders;
	for (let i = 1; i < allOrders.length; i++) assert.ok(allOrders[i - 1].created_at >= allOrders[i].created_at, 'newest first');
	assert.equal((await api('GET', `${V1}/orders?status=REJECTED`)).body.total, 1);

	const manual = await create({ profile_id: 'prof-5', briefing_quantity: 2 });
	sim.setOrderStatus(manual.body.id, 'CANCELLED', 'Cancelled by the account manager');
	const cancelled = await statusOf(manual.body.id);
	assert.equal(cancelled.status, 'CANCELLED');
	assert.equal(cancelled.status_message, 'Cancelled by the account manager');
	sim.clock.advance(20_000);
	assert.equal((await statusOf(manual.body.id)).status, 'CANCELLED', 'an override freezes the lifecycle');
}

async function checkIdempotency(sim, api) {
	// By default only POST /search-profile-creations deduplicates; elsewhere the key is ignored.
	const ordersBefore = sim.state.orders.size;
	const body = { profile_id: 'prof-idem', briefing_quantity: 4 };
	const sent = [await api('POST', `${V1}/orders`, { body, headers: { 'Idempotency-Key': 'order-0' } }), await api('POST', `${V1}/orders`, { body, headers: { 'Idempotency-Key': 'order-0' } })];
	assert.deepEqual(sent.map((res) => res.status), [201, 201]);
	assert.notEqual(sent[0].body.id, sent[1].body.id, 'a resend on an undocumented route creates a second order');
	assert.equal(sent[1].headers.get('idempotent-replayed'), null);
	assert.equal(sim.state.orders.size, ordersBefore + 2);

	sim.setIdempotentRoutes('all');
	const first = await api('POST', `${V1}/orders`, { body, headers: { 'Idempotency-Key': 'order-1' } });
	assert.equal(first.status, 201);
	sim.clock.advance(3_000);
	const replay = await api('POST', `${V1}/orders`, { body: { briefing_quantity: 4, profile_id: 'prof-idem' }, headers: { 'Idempotency-Key': 'order-1' } });
	assert.equal(replay.status, 200);
	assert.equal(replay.headers.get('idempotent-replayed'), 'true');
	assert.deepEqual(replay.body, first.body, 'replay returns the original response');
	assert.equal(sim.state.orders.size, ordersBefore + 3);
	assert.equal(sim.requests.at(-1).replayed, true);
	assert.equal(sim.requests.at(-1).processed, false, 'a replay does not run the handler again');
	assertError(await api('POST', `${V1}/orders`, { body: { ...body, briefing_quantity: 5 }, headers: { 'Idempotency-Key': 'order-1' } }), 409, 'IDEMPOTENCY_KEY_REUSED');

	const blacklistBody = { name: 'Idempotent list' };
	const b1 = await api('POST', `${V1}/blacklists`, { body: blacklistBody, headers: { 'Idempotency-Key': 'bl-1' } });
	const b2 = await api('POST', `${V1}/blacklists`, { body: blacklistBody, headers: { 'Idempotency-Key': 'bl-1' } });
	assert.equal(b1.body.id, b2.body.id);
	const entryBody = { entries: [{ external_id: 'E1' }, { external_id: 'E2' }] };
	const e1 = await api('POST', `${V1}/blacklists/${b1.body.id}/entries`, { body: entryBody, headers: { 'Idempotency-Key': 'en-1' } });
	const e2 = await api('POST', `${V1}/blacklists/${b1.body.id}/entries`, { body: entryBody, headers: { 'Idempotency-Key': 'en-1' } });
	assert.deepEqual(e2.body, e1.body);
	assert.deepEqual(e1.body, { added: 2, skipped_duplicates: 0, total_entries: 2 });
	sim.setIdempotentRoutes(DOCUMENTED_IDEMPOTENT_ROUTES);
	assert.throws(() => sim.setIdempotentRoutes(['GET /api/v1/orders']), TypeError);

	const profileBody = { profile_name: 'DACH SaaS', ideal_customer_profile: 'B2B SaaS', target_countries: ['DE', 'AT', 'CH'], contact_roles: ['CTO'] };
	assertError(await api('POST', `${V1}/search-profile-creations`, { body: profileBody }), 400, 'IDEMPOTENCY_KEY_REQUIRED');
	const creation = await api('POST', `${V1}/search-profile-creations`, { body: profileBody, headers: { 'Idempotency-Key': 'profile-create-1' } });
	assert.equal(creation.status, 201);
	assert.equal(creation.body.status, 'PENDING');
	assert.equal(creation.body.profile_id, null);
	const creationsBefore = sim.state.profileCreations.size;
	const again = await api('POST', `${V1}/search-profile-creations`, { body: profileBody, headers: { 'Idempotency-Key': 'profile-create-1' } });
	assert.equal(again.status, 200);
	assert.equal(again.body.id, creation.body.id);
	assert.equal(sim.state.profileCreations.size, creationsBefore);
	assertError(await api('POST', `${V1}/search-profile-creations`, { body: { ...profileBody, profile_name: 'Other' }, headers: { 'Idempotency-Key': 'profile-create-1' } }), 409, 'IDEMPOTENCY_KEY_REUSED');
	assertError(await api('POST', `${V1}/search-profile-creations`, { body: {}, headers: { 'Idempotency-Key': 'profile-create-2' } }), 422, 'VALIDATION_ERROR');

	const poll = async (id) => (await api('GET', `${V1}/search-profile-creations/${id}`)).body;
	sim.clock.advance(1_000);
	assert.equal((await poll(creation.body.id)).status, 'RUNNING');
	sim.clock.advance(2_000);
	const succeeded = await poll(creation.body.id);
	assert.equal(succeeded.status, 'SUCCEEDED');
	assert.match(succeeded.profile_id, /^[0-9a-f-]{36}$/);
	const failing = await api('POST', `${V1}/search-profile-creations`, { body: { profile_name: 'will fail' }, headers: { 'Idempotency-Key': 'profile-create-3' } });
	sim.clock.advance(3_000);
	const failedCreation = await poll(failing.body.id);
	assert.equal(failedCreation.status, 'FAILED');
	assert.ok(failedCreation.error_message);
	assertError(await api('GET', `${V1}/search-profile-creations/nope`), 404, 'PROFILE_CREATION_NOT_FOUND');
}

async function checkErrorFormats(sim, api) {
	const orderPath = `${V1}/orders/missing-order`;
	sim.setErrorFormat('flat');
	assert.deepEqual((await api('GET', orderPath)).body, { code: 'ORDER_NOT_FOUND', message: 'Order not found: missing-order', entity_type: 'order', identifier: 'missing-order' });
	sim.setErrorFormat('nested');
	const nested = await api('GET', `${V1}/orders?limit=101`);
	assert.equal(nested.body.error.code, 'VALIDATION_ERROR');
	assert.ok(nested.body.error.details.validation_errors.length === 1);
	sim.setErrorFormat('oldest');
	assert.deepEqual((await api('GET', `${V1}/auth/validate`, { key: 'bad' })).body, { error: 'UNAUTHORIZED', message: 'Invalid API key' });
	sim.setErrorFormat('fastapi');
	const fastapi = await api('GET', `${V1}/orders?limit=101`);
	assert.deepEqual(fastapi.body.detail[0].loc, ['query', 'limit']);
	assert.deepEqual((await api('GET', orderPath)).body, { detail: 'Order not found: missing-order' });
	sim.setErrorFormat('current');
	const current = await api('GET', `${V1}/auth/validate`, { key: null });
	assert.deepEqual(Object.keys(current.body).sort(), ['code', 'details', 'message']);
	assert.throws(() => sim.setErrorFormat('weird'));
}

async function checkFaults(sim, api) {
	const route = `POST ${V1}/orders`;
	const body = { profile_id: 'prof-fault', briefing_quantity: 3 };

	sim.setFaults([{ match: { route: `${V1}/orders/{order_id}` }, kind: 'status', status: 503, times: 1 }]);
	const someOrder = [...sim.state.orders.keys()][0];
	assertError(await api('GET', `${V1}/orders/${someOrder}`), 503, 'SERVICE_UNAVAILABLE');
	assert.equal((await api('GET', `${V1}/orders/${someOrder}`)).status, 200, 'times: 1 fires once');

	sim.setFaults([{ match: { method: 'POST', route: `${V1}/orders` }, kind: 'status', status: 429, retryAfter: 2, times: 1 }]);
	let before = sim.state.orders.size;
	const limited = await api('POST', `${V1}/orders`, { body });
	assertError(limited, 429, 'RATE_LIMIT_EXCEEDED');
	assert.equal(limited.headers.get('retry-after'), '2');
	assert.equal(sim.state.orders.size, before, 'a status fault strikes before processing');

	sim.resetCounters();
	sim.setFaults([{ match: { method: 'POST', route: `${V1}/orders` }, kind: 'reset', times: 1 }]);
	await assert.rejects(api('POST', `${V1}/orders`, { body }));
	assert.equal(sim.state.orders.size, before, 'reset before processing creates nothing');
	assert.equal(sim.counters.byRoute[route], 1);
	assert.equal(sim.counters.processedByRoute[route] ?? 0, 0);
	assert.equal(sim.requests.at(-1).processed, false);
	assert.equal(sim.requests.at(-1).fault, 'reset');

	sim.setFaults([{ match: { route: route }, kind: 'resetMidBody', times: 1 }]);
	await assert.rejects(api('POST', `${V1}/orders`, { body }));
	assert.equal(sim.state.orders.size, before + 1, 'resetMidBody happens after processing');
	assert.equal(sim.counters.byRoute[route], 2);
	assert.equal(sim.counters.processedByRoute[route], 1);
	assert.equal(sim.requests.at(-1).processed, true);
	before = sim.state.orders.size;

	sim.setFaults([{ match: { route }, kind: 'statusAfterApply', status: 502, times: 1 }]);
	assertError(await api('POST', `${V1}/orders`, { body }), 502, 'BAD_GATEWAY');
	assert.equal(sim.state.orders.size, before + 1, 'statusAfterApply keeps what the handler did');
	sim.setFaults([{ match: { route }, kind: 'resetAfterApply', times: 1 }]);
	await assert.rejects(api('POST', `${V1}/orders`, { body }));
	assert.equal(sim.state.orders.size, before + 2, 'resetAfterApply keeps what the handler did');
	sim.setFaults([{ match: { route }, kind: 'timeoutAfterApply', delayMs: 60_000, times: 1 }]);
	await assert.rejects(api('POST', `${V1}/orders`, { body, signal: AbortSignal.timeout(200) }));
	assert.equal(sim.state.orders.size, before + 3, 'timeoutAfterApply keeps what the handler did');
	assert.equal(sim.counters.processedByRoute[route], 4);
	before = sim.state.orders.size;

	sim.setFaults([{ match: { route: '^/api/v1/orders$' }, kind: 'slow', delayMs: 300, times: 1 }]);
	const started = Date.now();
	const slow = await api('POST', `${V1}/orders`, { body });
	assert.equal(slow.status, 201);
	assert.ok(Date.now() - started >= 280, 'slow waits delayMs');
	assert.equal(sim.state.orders.size, before + 1);

	sim.setFaults([{ match: { route: `${V1}/prospect-searches` }, kind: 'malformed', times: 1 }]);
	const malformed = await api('GET', `${V1}/prospect-searches`);
	assert.equal(malformed.status, 200);
	assert.equal(malformed.body, undefined, 'body is not JSON');

	sim.setFaults([{ kind: 'html', times: 1 }]);
	const html = await api('GET', `${V1}/auth/validate`);
	assert.equal(html.status, 502);
	assert.match(html.headers.get('content-type'), /text\/html/);
	assert.match(html.text, /502 Bad Gateway/);

	sim.setFaults([{ match: { route: '/health' }, kind: 'status', status: 500, probability: 0.5 }]);
	const statuses = [];
	for (let i = 0; i < 20; i++) statuses.push((await api('GET', '/health', { key: null })).status);
	assert.ok(statuses.includes(500) && statuses.includes(200), `probability mixes outcomes: ${statuses}`);
	sim.setFaults([]);
}

async function checkRateLimit(sim, api) {
	sim.setRateLimit({ requestsPerSecond: 2 });
	const results = [];
	for (let i = 0; i < 5; i++) results.push(await api('GET', `${V1}/auth/validate`));
	const limited = results.find((res) => res.status === 429);
	assert.ok(limited, 'burst beyond the limit is rejected');
	assert.equal(results[0].status, 200);
	assertError(limited, 429, 'RATE_LIMIT_EXCEEDED');
	assert.ok(Number(limited.headers.get('retry-after')) >= 1);
	assert.equal((await api('GET', `${V1}/auth/validate`, { key: sim.keys.readOnly })).status, 200, 'buckets are per key');
	sim.setErrorFormat('oldest');
	const oldest = await api('GET', `${V1}/auth/validate`);
	assert.equal(oldest.status, 429);
	assert.equal(oldest.body.error, 'RATE_LIMIT_EXCEEDED');
	assert.ok(oldest.body.retry_after >= 1);
	sim.setErrorFormat('current');
	sim.setRateLimit(null);
	assert.equal((await api('GET', `${V1}/auth/validate`)).status, 200);
}

async function checkCountersAndLog(sim, api) {
	sim.resetCounters();
	assert.equal(sim.counters.total, 0);
	const orderId = [...sim.state.orders.keys()][0];
	await api('GET', `${V1}/orders/${orderId}`);
	await api('GET', `${V1}/orders/${orderId}/`);
	await api('POST', `${V1}/orders`, { body: { profile_id: 'p', briefing_quantity: 1 }, headers: { 'Idempotency-Key': 'log-1' } });
	assert.equal(sim.counters.total, 3);
	assert.equal(sim.counters.byRoute[`GET ${V1}/orders/{order_id}`], 2);
	assert.equal(sim.counters.byMethodPath[`GET ${V1}/orders/${orderId}`], 2);
	assert.equal(sim.counters.byRoute[`POST ${V1}/orders`], 1);
	const last = sim.requests.at(-1);
	assert.equal(last.headers.authorization, 'Bearer ***');
	assert.equal(last.headers['idempotency-key'], 'log-1');
	assert.deepEqual(last.body, { profile_id: 'p', briefing_quantity: 1 });
	assert.equal(last.status, 201);
	assert.equal(last.processed, true);
	assert.equal(typeof last.at, 'number');
	assert.ok(!JSON.stringify(sim.requests).includes(sim.apiKey), 'the key never appears in the log');
}

async function checkDeterminismAndClock() {
	let base = 1_700_000_000_000;
	const options = { seed: 7, companiesPerSearch: 20, searches: 2, orders: 6, now: () => base, speed: 10 };
	const a = await startSimulator(options);
	const b = await startSimulator(options);
	const c = await startSimulator({ ...options, seed: 8 });
	try {
		const ids = (sim) => [...sim.state.companies.keys()];
		assert.deepEqual(ids(a), ids(b));
		assert.notDeepEqual(ids(a), ids(c));
		assert.deepEqual([...a.state.orders.keys()], [...b.state.orders.keys()]);
		assert.equal(a.state.orders.size, 6);
		const [apiA, apiB] = [client(a), client(b)];
		const searchId = [...a.state.prospectSearches.keys()][0];
		const deliveriesA = await apiA('GET', `${V1}/deliveries/${searchId}/companies`);
		const deliveriesB = await apiB('GET', `${V1}/deliveries/${searchId}/companies`);
		assert.deepEqual(deliveriesA.body, deliveriesB.body);
		const seededOrders = (await apiA('GET', `${V1}/orders`)).body.orders;
		assert.ok(seededOrders.every((order) => ['COMPLETED', 'REJECTED', 'FAILED'].includes(order.status)));

		const order = await apiA('POST', `${V1}/orders`, { body: { profile_id: 'p', briefing_quantity: 2 } });
		assert.equal(order.body.created_at, new Date(base).toISOString());
		base += 1_000; // 1 s of base time at speed 10 = 10 s simulated
		assert.equal(a.clock.now(), 1_700_000_010_000);
		assert.equal((await apiA('GET', `${V1}/orders/${order.body.id}`)).body.status, 'COMPLETED');
	} finally {
		await Promise.all([a.close(), b.close(), c.close()]);
	}
}

/** Each check takes a running simulator (started with `SELF_CHECK_OPTIONS`) and a client for it. */
export const SELF_CHECKS = {
	basics: checkBasics,
	'searches, companies and prospects': checkSearchesCompaniesProspects,
	deliveries: checkDeliveries,
	blacklists: checkBlacklists,
	orders: checkOrders,
	idempotency: checkIdempotency,
	'error formats': checkErrorFormats,
	faults: checkFaults,
	'rate limit': checkRateLimit,
	'counters and log': checkCountersAndLog,
};
export const SELF_CHECK_OPTIONS = { extraKeys: { lnc_test_companies_only: ['companies:read'] } };
export { checkDeterminismAndClock, client };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const sim = await startSimulator(SELF_CHECK_OPTIONS);
	try {
		const api = client(sim);
		for (const check of Object.values(SELF_CHECKS)) await check(sim, api);
		await checkDeterminismAndClock();
	} finally {
		await sim.close();
	}
	console.log('selfcheck ok');
}
