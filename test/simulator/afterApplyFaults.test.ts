import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { SimulatorHandle } from '../../simulator/server.mjs';
import { startSimulator } from '../../simulator/server.mjs';
import { simulatorClient } from '../helpers/simulatorClient';

const ROUTE = 'POST /api/v1/orders';
const ORDER = { profile_id: 'profile-1', briefing_quantity: 5 };

let sim: SimulatorHandle;
let call: ReturnType<typeof simulatorClient>;
beforeAll(async () => {
	sim = await startSimulator({ companiesPerSearch: 5, searches: 1 });
	call = simulatorClient(sim);
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.setFaults([]);
	sim.resetCounters();
});

const lastEntry = () => sim.requests.at(-1)!;

describe('simulator faults that strike after the server applied the request', () => {
	it('statusAfterApply: the order is created, then a 500 is returned', async () => {
		const before = sim.state.orders.size;
		sim.setFaults([{ kind: 'statusAfterApply', times: 1, match: { route: ROUTE } }]);
		const res = await call('POST', '/api/v1/orders', { body: ORDER });
		expect(res.status).toBe(500);
		expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR' });
		expect(res.headers.get('date')).not.toBeNull();
		expect(sim.state.orders.size).toBe(before + 1);
		expect(sim.counters.processedByRoute[ROUTE]).toBe(1);
		expect(lastEntry()).toMatchObject({ processed: true, status: 500, fault: 'statusAfterApply' });
	});

	it('statusAfterApply takes another status', async () => {
		sim.setFaults([{ kind: 'statusAfterApply', status: 502, times: 1, match: { route: ROUTE } }]);
		const res = await call('POST', '/api/v1/orders', { body: ORDER });
		expect(res.status).toBe(502);
		expect(res.body.code).toBe('BAD_GATEWAY');
	});

	it('a plain status fault, by contrast, applies nothing', async () => {
		const before = sim.state.orders.size;
		sim.setFaults([{ kind: 'status', status: 500, times: 1, match: { route: ROUTE } }]);
		expect((await call('POST', '/api/v1/orders', { body: ORDER })).status).toBe(500);
		expect(sim.state.orders.size).toBe(before);
	});

	it('resetAfterApply: the order is created and the connection dropped without an answer', async () => {
		const before = sim.state.orders.size;
		sim.setFaults([{ kind: 'resetAfterApply', times: 1, match: { route: ROUTE } }]);
		await expect(call('POST', '/api/v1/orders', { body: ORDER })).rejects.toThrow();
		expect(sim.state.orders.size).toBe(before + 1);
		expect(lastEntry()).toMatchObject({ processed: true, status: null, fault: 'resetAfterApply' });
	});

	it('timeoutAfterApply: the order is created and no answer comes within delayMs', async () => {
		const before = sim.state.orders.size;
		sim.setFaults([
			{ kind: 'timeoutAfterApply', delayMs: 60_000, times: 1, match: { route: ROUTE } },
		]);
		await expect(
			call('POST', '/api/v1/orders', { body: ORDER, signal: AbortSignal.timeout(300) }),
		).rejects.toThrow(/timeout|aborted/i);
		expect(sim.state.orders.size).toBe(before + 1);
		expect(lastEntry()).toMatchObject({
			processed: true,
			status: null,
			fault: 'timeoutAfterApply',
		});
	});

	it('timeoutAfterApply: after delayMs the connection is dropped, still without an answer', async () => {
		sim.setFaults([{ kind: 'timeoutAfterApply', delayMs: 100, times: 1, match: { route: ROUTE } }]);
		await expect(call('POST', '/api/v1/orders', { body: ORDER })).rejects.toThrow();
		expect((await call('POST', '/api/v1/orders', { body: ORDER })).status).toBe(201);
	});
});
