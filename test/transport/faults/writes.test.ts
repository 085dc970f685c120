/** Writes (POST, PATCH) under faults: none is ever applied twice; only the deduplicating endpoint is resent, the others are reconciled or reported as "outcome unknown". */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { apiRequest, isOutcomeUnknown } from '../../../nodes/OpenProspect/transport';
import type { FaultRule } from '../../../simulator/server.mjs';
import { makeExecuteContext } from '../../helpers/engine';
import {
	DEDUPLICATING_ROUTE,
	expectClearError,
	firstBlacklistId,
	keyNeverLeaks,
	on,
	useFaultSuite,
} from '../../helpers/faultSuite';
import { byId, processed, received } from '../../helpers/simulator';

const suite = useFaultSuite();
const { fixture, evidence, run } = suite;

interface Creation {
	name: string;
	route: string;
	parameters: () => INodeParameters;
	input?: () => IDataObject[];
	/** How many records of this kind the simulator holds. */
	count: () => number;
}


const creations: Creation[] = [
	{
		name: 'Order > Create (discovery)',
		route: 'POST /api/v1/orders',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			orderType: 'discovery',
			// Unique per run, so a lost answer is matched to exactly this order.
			profileId: `profile-fault-suite-${suite.executions + 1}`,
			briefingQuantity: 5,
		}),
		count: () => fixture.sim.state.orders.size,
	},
	{
		name: 'Order > Create (enrichment from input items)',
		route: 'POST /api/v1/orders',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			orderType: 'enrichment',
			companySource: 'inputItems',
			profileId: `profile-fault-suite-${suite.executions + 1}`,
		}),
		input: () => [
			{ company_name: 'Acme GmbH', website_url: 'https://acme.example' },
			{ company_name: 'Beta AG', website_url: 'https://beta.example' },
		],
		count: () => fixture.sim.state.orders.size,
	},
	{
		name: 'Blacklist > Create',
		route: 'POST /api/v1/blacklists',
		parameters: () => ({ resource: 'blacklist', operation: 'create', name: `Fault suite list ${suite.executions + 1}` }),
		count: () => fixture.sim.state.blacklists.size,
	},
	{
		name: 'Blacklist > Add Entries',
		route: 'POST /api/v1/blacklists/{blacklist_id}/entries',
		parameters: () => ({
			resource: 'blacklist',
			operation: 'addEntries',
			blacklistId: byId(firstBlacklistId(fixture)),
			source: 'fields',
		}),
		// A new company each time: a duplicate entry would be skipped, not added.
		input: () => [
			{ company_name: `Gamma ${++suite.executions}`, website_url: `https://gamma-${suite.executions}.example` },
		],
		count: () => fixture.sim.state.blacklistEntries.get(firstBlacklistId(fixture))?.length ?? 0,
	},
	{
		name: 'Search Profile > Create',
		route: 'POST /api/v1/search-profile-creations',
		parameters: () => ({
			resource: 'searchProfile',
			operation: 'create',
			profileName: 'Fault suite profile',
			idealCustomerProfile: 'Hotels in Berlin',
		}),
		count: () => fixture.sim.state.profileCreations.size,
	},
];

/** Every request of the route carried one and the same Idempotency-Key. */
function expectOneIdempotencyKey(route: string): void {
	const keys = fixture.sim.requests
		.filter((entry) => `${entry.method} ${entry.route}` === route)
		.map((entry) => entry.headers['idempotency-key']);
	expect(keys.length).toBeGreaterThan(0);
	expect(new Set(keys).size).toBe(1);
	expect(keys[0]).toEqual(expect.any(String));
}

const deduplicated = creations.filter((creation) => creation.route === DEDUPLICATING_ROUTE);
const notDeduplicated = creations.filter((creation) => creation.route !== DEDUPLICATING_ROUTE);

/** Faults where the server acted, then the answer was lost or broken. */
const afterApply: Array<[string, FaultRule]> = [
	['a 503 after the server acted', { kind: 'statusAfterApply', status: 503, times: 2 }],
	['a 500 after the server acted', { kind: 'statusAfterApply', status: 500, times: 2 }],
	['a reset after the server acted (no response)', { kind: 'resetAfterApply', times: 2 }],
	['a reset in the middle of the body', { kind: 'resetMidBody', times: 2 }],
	['malformed JSON after the server acted', { kind: 'malformed', times: 2 }],
];
/** Faults where the server did not act, but the caller cannot tell. */
const beforeApply: Array<[string, FaultRule]> = [
	['a 503 burst', { kind: 'status', status: 503, times: 2 }],
	['connection resets', { kind: 'reset', times: 2 }],
	['HTML error pages', { kind: 'html', times: 2 }],
];

describe('no POST is ever applied twice', () => {
	const resendCases = deduplicated.flatMap((creation) =>
		[...afterApply, ...beforeApply].map(([label, fault]) => ({ ...creation, label, fault })),
	);

	it.each(resendCases)('$name (deduplicated by the API) survives $label and is created exactly once', async (creation) => {
		const before = creation.count();
		fixture.sim.setFaults([{ ...creation.fault, match: on(creation.route) }]);
		const { items, error } = await run({ parameters: creation.parameters(), input: creation.input?.() });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(processed(fixture.sim, creation.route)).toBe(1);
		expect(creation.count()).toBe(before + 1);
		expectOneIdempotencyKey(creation.route);
	});

	it.each(creations)('$name survives a 429 storm (the server did not act) and is created exactly once', async (creation) => {
		const before = creation.count();
		fixture.sim.setFaults([{ kind: 'status', status: 429, retryAfter: 1, times: 3, match: on(creation.route) }]);
		const { items, error } = await run({ parameters: creation.parameters(), input: creation.input?.() });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(processed(fixture.sim, creation.route)).toBe(1);
		expect(creation.count()).toBe(before + 1);
		expectOneIdempotencyKey(creation.route);
	});

	const reconciledCases = notDeduplicated.flatMap((creation) =>
		afterApply.map(([label, fault]) => ({ ...creation, label, fault })),
	);

	it.each(reconciledCases)(
		'$name after $label is not resent: the node finds what the server applied, no duplicate',
		async (creation) => {
			const before = creation.count();
			fixture.sim.setFaults([{ ...creation.fault, match: on(creation.route) }]);
			const { items, error } = await run({ parameters: creation.parameters(), input: creation.input?.() });
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((item) => item.json.reconciled === true)).toBe(true);
			expect(received(fixture.sim, creation.route)).toBe(1);
			expect(creation.count()).toBe(before + 1);
		},
	);

	const unknownCases = notDeduplicated.flatMap((creation) =>
		beforeApply.map(([label, fault]) => ({ ...creation, label, fault, applied: 0 })),
	);

	it.each(unknownCases)(
		'$name after $label is not resent: "outcome unknown", no duplicate',
		async (creation) => {
			const before = creation.count();
			fixture.sim.setFaults([{ ...creation.fault, match: on(creation.route) }]);
			const { error } = await run({ parameters: creation.parameters(), input: creation.input?.() });
			expectClearError(error);
			expect(error?.message).toMatch(/outcome of POST .* is unknown/);
			expect(error?.context?.outcomeUnknown).toBe(true);
			expect(received(fixture.sim, creation.route)).toBe(1);
			expect(creation.count()).toBe(before + creation.applied);
		},
	);

	/** The body each create endpoint accepts, for the transport-level timeout case. */
	const timeoutCases = [
		{ route: 'POST /api/v1/orders', path: () => '/api/v1/orders', body: { profile_id: 'p-timeout', briefing_quantity: 2 }, count: () => fixture.sim.state.orders.size },
		{ route: 'POST /api/v1/blacklists', path: () => '/api/v1/blacklists', body: { name: 'Timeout list' }, count: () => fixture.sim.state.blacklists.size },
		{
			route: 'POST /api/v1/blacklists/{blacklist_id}/entries',
			path: () => `/api/v1/blacklists/${firstBlacklistId(fixture)}/entries`,
			body: { entries: [{ company_name: `Timeout ${Date.now()}`, website_url: `https://timeout-${Date.now()}.example` }] },
			count: () => fixture.sim.state.blacklistEntries.get(firstBlacklistId(fixture))?.length ?? 0,
		},
		{ route: DEDUPLICATING_ROUTE, path: () => '/api/v1/search-profile-creations', body: { profile_name: 'Timeout profile' }, count: () => fixture.sim.state.profileCreations.size },
	];

	it.each(timeoutCases)('$route: no answer after the server acted (a timeout) creates no duplicate', async (creation) => {
		const before = creation.count();
		const deduplicates = creation.route === DEDUPLICATING_ROUTE;
		fixture.sim.setFaults([{ kind: 'timeoutAfterApply', delayMs: 2000, times: 1, match: on(creation.route) }]);
		const context = makeExecuteContext({ credentials: fixture.credentials });
		let caught: unknown;
		try {
			evidence.push(
				await apiRequest.call(context, {
					method: 'POST',
					path: creation.path(),
					body: creation.body,
					idempotencyKey: `timeout-${creation.route}`,
					serverDeduplicates: deduplicates,
					timeoutMs: 300,
				}),
			);
		} catch (error) {
			caught = error;
			evidence.push(error);
		}
		expect(creation.count()).toBe(before + 1);
		if (deduplicates) {
			expect(caught).toBeUndefined();
			expect(received(fixture.sim, creation.route)).toBe(2);
		} else {
			expect(isOutcomeUnknown(caught)).toBe(true);
			expect(received(fixture.sim, creation.route)).toBe(1);
		}
	});

	it.each(deduplicated)(
		'$name: n8n Retry On Fail after the transport gave up resends the same key, so it is created once',
		async (creation) => {
			const before = creation.count();
			// Five failed attempts end the first try; the second try's first attempt fails too.
			fixture.sim.setFaults([{ kind: 'resetMidBody', times: 6, match: on(creation.route) }]);
			const { items, error } = await run({
				parameters: creation.parameters(),
				input: creation.input?.(),
				retryOnFail: true,
				maxTries: 2,
				waitBetweenTries: 1, // milliseconds; n8n reads 0 as its default of 1,000
			});
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThan(0);
			expect(received(fixture.sim, creation.route)).toBe(7);
			expect(processed(fixture.sim, creation.route)).toBe(1);
			expect(creation.count()).toBe(before + 1);
			expectOneIdempotencyKey(creation.route);
		},
	);

	it.each(deduplicated)(
		'$name: when every attempt is cut off, it fails clearly and was still created only once',
		async (creation) => {
			const before = creation.count();
			fixture.sim.setFaults([{ kind: 'resetMidBody', match: on(creation.route) }]);
			const { error } = await run({
				parameters: creation.parameters(),
				input: creation.input?.(),
			});
			expectClearError(error);
			expect(processed(fixture.sim, creation.route)).toBe(1);
			expect(creation.count()).toBe(before + 1);
		},
	);

	it('a PATCH (no Idempotency-Key) cut off after the server acted is not resent: outcome unknown', async () => {
		const route = 'PATCH /api/v1/blacklists/{blacklist_id}';
		fixture.sim.setFaults([{ kind: 'resetMidBody', match: on(route) }]);
		const { error } = await run({
			parameters: {
				resource: 'blacklist',
				operation: 'update',
				blacklistId: byId(firstBlacklistId(fixture)),
				updateFields: { name: 'Renamed by the fault suite' },
			},
		});
		expectClearError(error);
		expect(error?.message).toMatch(/outcome of PATCH .* is unknown/);
		expect(received(fixture.sim, route)).toBe(1);
	});

	it('a PATCH answered 429 is resent (the server did not act) and applied once', async () => {
		const route = 'PATCH /api/v1/blacklists/{blacklist_id}';
		fixture.sim.setFaults([
			{ kind: 'status', status: 429, retryAfter: 1, times: 2, match: on(route) },
		]);
		const { items, error } = await run({
			parameters: {
				resource: 'blacklist',
				operation: 'update',
				blacklistId: byId(firstBlacklistId(fixture)),
				updateFields: { description: 'Described by the fault suite' },
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.description).toBe('Described by the fault suite');
		expect(received(fixture.sim, route)).toBe(3);
		expect(processed(fixture.sim, route)).toBe(1);
	});
});

keyNeverLeaks(suite, 50);
