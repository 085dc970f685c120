/** Reads (GET) under faults: they recover after transient faults, or fail with a clear error after their attempts; Return All loses and repeats nothing. */
import { describe, expect, it } from 'vitest';

import type { FaultKind, FaultRule } from '../../../simulator/server.mjs';
import {
	expectClearError,
	firstSearchId,
	keyNeverLeaks,
	on,
	useFaultSuite,
} from '../../helpers/faultSuite';
import { byId, received } from '../../helpers/simulator';
import { totalSlept } from '../../helpers/sleepMock';

const suite = useFaultSuite();
const { fixture, run } = suite;

function companyIdsOf(prospectSearchId: string): string[] {
	return [...fixture.sim.state.companies.values()]
		.filter((company) => company.prospect_search_id === prospectSearchId)
		.map((company) => company.id);
}

describe('GET operations under faults: they recover, or fail with a clear error', () => {
	const COMPANY_ROUTE = 'GET /api/v1/companies/{company_id}';
	const transient: Array<[string, FaultRule]> = [
		['a 429 storm with Retry-After: 1', { kind: 'status', status: 429, retryAfter: 1, times: 4 }],
		['a burst of 503', { kind: 'status', status: 503, times: 4 }],
		['a burst of 500', { kind: 'status', status: 500, times: 2 }],
		['connection resets', { kind: 'reset', times: 3 }],
		['resets in the middle of the body', { kind: 'resetMidBody', times: 3 }],
		['malformed JSON', { kind: 'malformed', times: 2 }],
		['HTML error pages', { kind: 'html', times: 2 }],
	];

	it.each(transient)('Company > Get succeeds after %s', async (_, fault) => {
		const companyId = companyIdsOf(firstSearchId(fixture))[0];
		fixture.sim.setFaults([{ ...fault, match: on(COMPANY_ROUTE) }]);
		const { items, error } = await run({
			parameters: { resource: 'company', operation: 'get', companyId: byId(companyId) },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.id).toBe(companyId);
		expect(received(fixture.sim, COMPANY_ROUTE)).toBe((fault.times ?? 0) + 1);
		if (fault.status === 429) expect(totalSlept()).toBeGreaterThanOrEqual(4 * 1000);
	});

	const persistent: Array<[FaultKind, FaultRule, RegExp, string | undefined]> = [
		['status', { kind: 'status', status: 429, retryAfter: 1 }, /429/, '429'],
		['status', { kind: 'status', status: 503 }, /./, '503'],
		['reset', { kind: 'reset' }, /connection to OpenProspect failed/, undefined],
		[
			'resetMidBody',
			{ kind: 'resetMidBody' },
			/connection to OpenProspect failed|not valid JSON/,
			undefined,
		],
		['malformed', { kind: 'malformed' }, /not valid JSON/, undefined],
		['html', { kind: 'html' }, /Bad Gateway/i, '502'],
	];

	it.each(persistent)(
		'Company > Get gives up after 5 attempts on %s (%#) with a clear error',
		async (_, fault, message, httpCode) => {
			const companyId = companyIdsOf(firstSearchId(fixture))[1];
			fixture.sim.setFaults([{ ...fault, match: on(COMPANY_ROUTE) }]);
			const { items, error } = await run({
				parameters: { resource: 'company', operation: 'get', companyId: byId(companyId) },
			});
			expect(items).toEqual([]);
			expectClearError(error);
			expect(error?.message).toMatch(message);
			if (httpCode) expect(error?.httpCode).toBe(httpCode);
			expect(error?.description).toContain(`Request: GET /api/v1/companies/${companyId}`);
			expect(received(fixture.sim, COMPANY_ROUTE)).toBe(5);
		},
	);

	it('Continue On Fail turns the failure into an error item paired to its input, the others succeed', async () => {
		const [good, bad] = companyIdsOf(firstSearchId(fixture));
		fixture.sim.setFaults([{ kind: 'status', status: 503, match: on(`/api/v1/companies/${bad}`) }]);
		const { items, error } = await run({
			parameters: { resource: 'company', operation: 'get', companyId: byId('={{ $json.id }}') },
			input: [{ id: good }, { id: bad }, { id: good }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.id).toBe(good);
		expect(items[2].json.id).toBe(good);
		expect(items[1].json.error).toEqual(expect.any(String));
		// n8n itself reduces an error item's json to { error: message }; the rest is on item.error.
		expect(items[1].error?.description).toContain('Status: HTTP 503');
	});

	const stormFaults: FaultRule[] = [
		{ kind: 'status', status: 503, probability: 0.12 },
		{ kind: 'status', status: 429, retryAfter: 1, probability: 0.12 },
		{ kind: 'reset', probability: 0.1 },
		{ kind: 'resetMidBody', probability: 0.1 },
		{ kind: 'malformed', probability: 0.1 },
		{ kind: 'html', probability: 0.1 },
	];

	it('Return All under seeded storms of every fault loses and repeats no company', async () => {
		const prospectSearchId = firstSearchId(fixture);
		let faulted = 0;
		let succeeded = 0;
		for (let storm = 0; storm < 6; storm++) {
			fixture.sim.resetCounters();
			fixture.sim.setFaults(stormFaults);
			const { items, error } = await run({
				parameters: {
					resource: 'company',
					operation: 'getAll',
					prospectSearchId: byId(prospectSearchId),
					returnAll: true,
				},
			});
			faulted += fixture.sim.requests.filter((request) => request.fault !== null).length;
			if (error) {
				expectClearError(error);
				continue;
			}
			succeeded++;
			const ids = items.map((item) => item.json.id);
			expect(new Set(ids).size).toBe(ids.length);
			expect(new Set(ids)).toEqual(new Set(companyIdsOf(prospectSearchId)));
		}
		expect(faulted).toBeGreaterThan(5);
		expect(succeeded).toBeGreaterThan(0);
	});

	it('Delivery > Get Many Companies under the storm loses and repeats no company', async () => {
		const prospectSearchId = firstSearchId(fixture);
		fixture.sim.setFaults(stormFaults);
		const { items, error } = await run({
			parameters: {
				resource: 'delivery',
				operation: 'getAllCompanies',
				prospectSearchId: byId(prospectSearchId),
				returnAll: true,
			},
		});
		if (error) return expectClearError(error);
		const ids = items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(companyIdsOf(prospectSearchId)));
	});
});

keyNeverLeaks(suite, 40);
