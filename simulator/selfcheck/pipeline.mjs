// Self-check: Error formats, faults, rate limit, counters and the request log.
import assert from 'node:assert/strict';

import { V1, assertError } from './assert.mjs';

export async function checkErrorFormats(sim, api) {
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

export async function checkFaults(sim, api) {
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

export async function checkRateLimit(sim, api) {
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

export async function checkCountersAndLog(sim, api) {
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
