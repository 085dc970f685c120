/**
 * The local OpenProspect simulator for one test file: started before its tests, closed after them,
 * with faults, rate limit and counters reset before each test. Pass `fixture.credentials` to
 * `runNode` / `runPoll` so the node talks to it.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import type { SimulatorHandle, SimulatorOptions } from '../../simulator/server.mjs';
import { startSimulator } from '../../simulator/server.mjs';

export interface SimulatorFixture {
	sim: SimulatorHandle;
	credentials: ICredentialDataDecryptedObject;
}

export function useSimulator(options: SimulatorOptions = {}): SimulatorFixture {
	const fixture = {} as SimulatorFixture;
	beforeAll(async () => {
		fixture.sim = await startSimulator(options);
		fixture.credentials = { apiKey: fixture.sim.apiKey, baseUrl: fixture.sim.baseUrl };
	});
	afterAll(async () => await fixture.sim?.close());
	beforeEach(() => {
		fixture.sim.setFaults([]);
		fixture.sim.setRateLimit(null);
		fixture.sim.resetCounters();
	});
	return fixture;
}

/** Requests the simulator received for a route key, e.g. `POST /api/v1/orders`. */
export function received(sim: SimulatorHandle, route: string): number {
	return sim.counters.byRoute[route] ?? 0;
}

/** Requests for a route key whose handler ran (so their side effects happened). */
export function processed(sim: SimulatorHandle, route: string): number {
	return sim.counters.processedByRoute[route] ?? 0;
}

export { byId } from './locator';
