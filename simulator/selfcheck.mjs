// Self-check of the OpenProspect simulator: `node simulator/selfcheck.mjs` → prints `selfcheck ok`.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { V1 } from './selfcheck/assert.mjs';
import { checkBasics } from './selfcheck/basics.mjs';
import { checkBlacklists } from './selfcheck/blacklists.mjs';
import { checkDeliveries, checkSearchesCompaniesProspects } from './selfcheck/catalog.mjs';
import { checkIdempotency, checkOrders } from './selfcheck/orders.mjs';
import { checkCountersAndLog, checkErrorFormats, checkFaults, checkRateLimit } from './selfcheck/pipeline.mjs';
import { startSimulator } from './server.mjs';

/**
 * @typedef {import('./types.mjs').SimulatorHandle} SimulatorHandle
 * @typedef {import('./types.mjs').SimulatorOptions} SimulatorOptions
 * @typedef {{ key?: string | null; body?: unknown; headers?: Record<string, string>; rawBody?: string; signal?: AbortSignal }} CallOptions
 * @typedef {{ status: number; headers: Headers; body: any; text: string }} CallResult
 * @typedef {(method: string, path: string, options?: CallOptions) => Promise<CallResult>} SelfCheckClient
 */

/**
 * A small fetch wrapper: JSON in, `{status, headers, body, text}` out.
 * @param {SimulatorHandle} sim
 * @returns {SelfCheckClient}
 */
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

/** @returns {Promise<void>} */
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

/**
 * Each check takes a running simulator (started with `SELF_CHECK_OPTIONS`) and a client for it.
 * @type {Record<string, (sim: SimulatorHandle, api: SelfCheckClient) => Promise<void>>}
 */
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
/** @type {SimulatorOptions} */
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
