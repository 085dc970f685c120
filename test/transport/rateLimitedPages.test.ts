/**
 * Concurrent pages against a rate-limited key, on the real engine and the local simulator, with
 * real waits (the simulator's token bucket refills on real time): with default settings, Return
 * All gets every record, once, in order, and fails no item. No assertion on the time taken.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { runNode } from '../helpers/engine';
import { byId, received, useSimulator } from '../helpers/simulator';
import { realSleep, sleepMock } from '../helpers/sleepMock';

const fixture = useSimulator({ seed: 1313, searches: 1 });

// The simulator's token bucket refills on real time: the node's waits must really wait here.
beforeEach(() => sleepMock.mockImplementation(realSleep));

describe('a rate-limited key with concurrent pages (defaults)', () => {
	it('Company > Get Many, Return All of 2,000 companies at 10 requests/s (burst 2): 0 failed, all in order', { timeout: 60_000 }, async () => {
		const prospectSearchId = [...fixture.sim.state.prospectSearches.keys()][0];
		fixture.sim.addCompanies(prospectSearchId, 2000);
		const expected = [...fixture.sim.state.companies.values()].filter((company) => company.prospect_search_id === prospectSearchId).length;
		fixture.sim.setRateLimit({ requestsPerSecond: 10, burst: 2 });
		const { items, error } = await runNode({
			credentials: fixture.credentials,
			parameters: { resource: 'company', operation: 'getAll', prospectSearchId: byId(prospectSearchId), returnAll: true, simplify: false },
		});
		expect(error).toBeUndefined();
		const ids = items.map((item) => String(item.json.id));
		expect(ids).toHaveLength(expected);
		expect(new Set(ids).size).toBe(expected);
		const answered = fixture.sim.requests.filter((entry) => entry.route === '/api/v1/companies');
		// Some requests were answered 429 (else the test proves nothing); the answered pages stay at the floor.
		expect(answered.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
		expect(answered.filter((entry) => entry.status === 200)).toHaveLength(Math.ceil(expected / 100));
		expect(received(fixture.sim, 'GET /api/v1/companies')).toBe(answered.length);
	});
});
