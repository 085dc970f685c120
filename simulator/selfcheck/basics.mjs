// Self-check: Authentication, scopes, routing and validation.
import assert from 'node:assert/strict';

import { V1, assertError } from './assert.mjs';

export async function checkBasics(sim, api) {
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
