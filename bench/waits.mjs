/**
 * Waiting for orders. Order > Create with Wait for Completion (Output: Results) on the n8n engine,
 * against a raw loop that creates the same order, checks its status every Poll Interval and then
 * reads the results; and N input items each creating such an order, against one order. The
 * simulator's clock runs 10/6 times faster than the wall clock here, so its orders (COMPLETED 10 s
 * after creation on its clock) complete 6 s of wall time after they were created.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { ORDER_TIMELINE_MS, startSimulator } from '../simulator/server.mjs';
import { fetchAllPages, loadEngine, median, runAction, timed } from './lib.mjs';
import { count, format, notes, record, seconds, section } from './report.mjs';

export const ORDER_DONE_MS = 6_000;
export const POLL_INTERVAL_S = 1;
export const ORDERS = 10;
const ROUNDS = 3;
const TERMINAL = ['COMPLETED', 'FAILED', 'REJECTED', 'CANCELLED'];
const BODY = { profile_id: 'bench-profile', briefing_quantity: 10 };

const orderParameters = {
	resource: 'order',
	operation: 'create',
	orderType: 'discovery',
	profileId: BODY.profile_id,
	briefingQuantity: BODY.briefing_quantity,
	waitForCompletion: true,
	maxWait: 120,
	pollInterval: POLL_INTERVAL_S,
	onTimeout: 'error',
	output: 'results',
};

/** The baseline: create, then one status check every Poll Interval until final, then the results. */
async function rawOrderLoop({ baseUrl, apiKey }) {
	const headers = {
		Authorization: `Bearer ${apiKey}`,
		Accept: 'application/json',
		'Content-Type': 'application/json',
	};
	const call = async (method, path, body) => {
		const response = await fetch(new URL(path, baseUrl), {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
		return await response.json();
	};
	let order = await call('POST', '/api/v1/orders', BODY);
	while (!TERMINAL.includes(order.status)) {
		await sleep(POLL_INTERVAL_S * 1000);
		order = await call('GET', `/api/v1/orders/${order.id}`);
	}
	if (order.status !== 'COMPLETED') throw new Error(`raw loop: order ended ${order.status}`);
	return await fetchAllPages({ baseUrl, apiKey }, `/api/v1/orders/${order.id}/results`, {});
}

/** Wall time and the simulator's request count of one run. */
async function measured(sim, run) {
	sim.resetCounters();
	const { ms, result } = await timed(run);
	return { ms, result, requests: sim.counters.total };
}

async function engineOrders(sim, engine, orders) {
	const input = Array.from({ length: orders }, () => ({}));
	const run = await measured(sim, () => runAction(engine, orderParameters, input));
	const { items, error, failed } = run.result;
	if (error || failed) throw new Error(`n8n run failed: ${error?.message ?? 'error items'}`);
	if (items.length !== orders * BODY.briefing_quantity)
		throw new Error(`n8n run returned ${items.length} results`);
	return run;
}

async function rawOrder(sim) {
	const run = await measured(sim, () => rawOrderLoop({ baseUrl: sim.baseUrl, apiKey: sim.apiKey }));
	if (run.result.length !== BODY.briefing_quantity)
		throw new Error(`raw loop returned ${run.result.length} results`);
	return run;
}

const summary = (runs) => ({
	ms: median(runs.map((run) => run.ms)),
	requests: median(runs.map((run) => run.requests)),
	list: runs.map((run) => `${seconds(run.ms)} (${run.requests} requests)`).join(', '),
});

async function oneOrder(sim, engine) {
	const goal = `Wait: Order > Create → wait → results, order done after ${ORDER_DONE_MS / 1000} s, Poll Interval ${POLL_INTERVAL_S} s, n8n vs a raw poll loop`;
	const target = '≤ 1.1×, requests ≤ the loop’s';
	return await section(goal, target, async () => {
		const n8nRuns = [];
		const rawRuns = [];
		for (let round = 0; round < ROUNDS; round++) {
			const pair = [
				async () => n8nRuns.push(await engineOrders(sim, engine, 1)),
				async () => rawRuns.push(await rawOrder(sim)),
			];
			for (const run of round % 2 ? pair.reverse() : pair) await run();
		}
		const n8n = summary(n8nRuns);
		const raw = summary(rawRuns);
		const ratio = n8n.ms / raw.ms;
		record(
			goal,
			target,
			`${format(ratio)}×, ${n8n.requests} vs ${raw.requests} requests`,
			ratio <= 1.1 && n8n.requests <= raw.requests,
			`medians ${seconds(n8n.ms)} vs ${seconds(raw.ms)} over ${ROUNDS} interleaved runs each (requests: create, status checks, one page of results)`,
		);
		notes.push(`${goal}, runs: n8n ${n8n.list}; raw loop ${raw.list}.`);
		return n8n.ms;
	});
}

async function manyOrders(sim, engine, oneOrderMs) {
	const goal = `Wait: ${ORDERS} orders from ${ORDERS} items, each done after ${ORDER_DONE_MS / 1000} s, vs one order`;
	await section(goal, '≤ 1.5×', async () => {
		if (oneOrderMs === undefined) throw new Error('no figure for one order');
		const runs = [await engineOrders(sim, engine, ORDERS)];
		// Waited one after the other, a run takes over a minute: then once is enough.
		while (runs.length < ROUNDS && runs[0].ms < 4 * ORDER_DONE_MS)
			runs.push(await engineOrders(sim, engine, ORDERS));
		const many = summary(runs);
		const ratio = many.ms / oneOrderMs;
		record(
			goal,
			'≤ 1.5×',
			`${format(ratio)}×`,
			ratio <= 1.5,
			`median ${seconds(many.ms)} for ${ORDERS} orders (${count(ORDERS * BODY.briefing_quantity)} results, ${many.requests} requests) over ${runs.length} run${runs.length === 1 ? '' : 's'}, against ${seconds(oneOrderMs)} for one`,
		);
		notes.push(`${goal}, runs: ${many.list}.`);
	});
}

export async function waits() {
	const sim = await startSimulator({
		searches: 1,
		companiesPerSearch: 0,
		speed: ORDER_TIMELINE_MS.DONE / ORDER_DONE_MS,
	});
	try {
		const engine = await loadEngine({ baseUrl: sim.baseUrl, apiKey: sim.apiKey });
		const oneOrderMs = await oneOrder(sim, engine);
		await manyOrders(sim, engine, oneOrderMs);
	} finally {
		await sim.close();
	}
}
