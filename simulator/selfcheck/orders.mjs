// Self-check: Orders and search profile creations: lifecycles, results, Idempotency-Key.
import assert from 'node:assert/strict';

import { DOCUMENTED_IDEMPOTENT_ROUTES } from '../server.mjs';
import { V1, assertError } from './assert.mjs';

export async function checkOrders(sim, api) {
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

export async function checkIdempotency(sim, api) {
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
