/**
 * The fault suite: the node against the local simulator with injected faults (429 storms with
 * Retry-After, 5xx bursts, connection resets before and in the middle of a body, responses slower
 * than the timeout, malformed JSON, HTML error pages). Deterministic: the simulator's fault
 * probabilities come from its seed, and the transport's waits are recorded, not waited.
 */
import { ExecuteContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { apiRequest, isOutcomeUnknown } from '../nodes/OpenProspect/transport';
import { DEFAULT_RETRY_POLICY } from '../nodes/OpenProspect/transport/retry';
import type { FaultKind, FaultRule } from '../simulator/server.mjs';
import type { NodeRunResult } from './helpers/engine';
import { makeExecuteContext, runNode, runPoll } from './helpers/engine';
import { byId, processed, received, useSimulator } from './helpers/simulator';
import { sleepMock, totalSlept } from './helpers/sleepMock';

/** A key no other string in the suite contains, so finding it anywhere is a leak. */
const LEAK_MARKER = ['lnc', 'test', 'FaultSuite', 'Marker', '7f3a9c2e5b1d'].join('_');
const fixture = useSimulator({ seed: 20240611, keys: { all: LEAK_MARKER }, searches: 3 });

/** Everything the node produced or logged, scanned for the key by the last test. */
const evidence: unknown[] = [];
const logLines: string[] = [];

/** Routes the log calls of every node context (ExecuteContext, PollContext) into `logLines`. */
function captureNodeLogs(): void {
	let owner: object | null = ExecuteContext.prototype;
	while (owner && !Object.getOwnPropertyDescriptor(owner, 'logger')) {
		owner = Object.getPrototypeOf(owner) as object | null;
	}
	const record =
		(level: string) =>
		(message: unknown, meta?: unknown): void => {
			logLines.push(`${level} ${String(message)} ${JSON.stringify(meta ?? {})}`);
		};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		verbose: record('verbose'),
		scoped: () => logger,
	};
	if (owner) Object.defineProperty(owner, 'logger', { configurable: true, get: () => logger });
	LoggerProxy.init(logger);
}

beforeAll(captureNodeLogs);
beforeEach(() => sleepMock.mockClear());

let executions = 0;

/** Runs the node against the simulator, as a new execution each time (as n8n numbers them). */
async function run(options: Parameters<typeof runNode>[0]): Promise<NodeRunResult> {
	const executionId = `fault-suite-${++executions}`;
	const result = await runNode({ ...options, executionId, credentials: fixture.credentials });
	evidence.push(result.run, result.error);
	return result;
}

function firstSearchId(): string {
	return [...fixture.sim.state.prospectSearches.keys()][0];
}

function companyIdsOf(prospectSearchId: string): string[] {
	return [...fixture.sim.state.companies.values()]
		.filter((company) => company.prospect_search_id === prospectSearchId)
		.map((company) => company.id);
}

const on = (route: string): FaultRule['match'] => ({ route });

/** A clear error: a message and a description, and neither is a stack trace or an object dump. */
function expectClearError(error: NodeRunResult['error']): void {
	expect(error).toBeDefined();
	const message = String(error?.message ?? '');
	const description = String(error?.description ?? '');
	expect(message.length).toBeGreaterThan(10);
	expect(description.length).toBeGreaterThan(10);
	for (const text of [message, description]) {
		expect(text).not.toMatch(/\n\s+at \S+ \(|\[object Object\]|\bundefined\b|^Error:/);
	}
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
		const companyId = companyIdsOf(firstSearchId())[0];
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
			const companyId = companyIdsOf(firstSearchId())[1];
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
		const [good, bad] = companyIdsOf(firstSearchId());
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
		const prospectSearchId = firstSearchId();
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
		const prospectSearchId = firstSearchId();
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

describe('responses slower than the timeout (the transport: the node has no timeout parameter)', () => {
	const VALIDATE = 'GET /api/v1/auth/validate';

	async function request(input: Parameters<typeof apiRequest>[0]) {
		const context = makeExecuteContext({ credentials: fixture.credentials });
		try {
			const body = await apiRequest.call(context, input);
			evidence.push(body);
			return { body };
		} catch (error) {
			evidence.push(error);
			return { error: error as NonNullable<NodeRunResult['error']> };
		}
	}

	it('a GET that times out once is sent again and succeeds', async () => {
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(VALIDATE) }]);
		const { body, error } = await request({
			method: 'GET',
			path: '/api/v1/auth/validate',
			timeoutMs: 300,
		});
		expect(error).toBeUndefined();
		expect(body).toMatchObject({ valid: true });
		expect(received(fixture.sim, VALIDATE)).toBe(2);
	});

	it('a GET that always times out fails once its attempts are used up, saying so', async () => {
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, match: on(VALIDATE) }]);
		const { error } = await request({
			method: 'GET',
			path: '/api/v1/auth/validate',
			timeoutMs: 500,
			policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 },
		});
		expectClearError(error);
		expect(error?.message).toBe('OpenProspect did not answer within 500 ms');
		expect(received(fixture.sim, VALIDATE)).toBe(2);
	});

	const RESEND_LABEL = 'fault-suite-timeout-1';

	it('a POST to the deduplicating endpoint that times out is resent with the same key and created once', async () => {
		const ROUTE = DEDUPLICATING_ROUTE;
		const before = fixture.sim.state.profileCreations.size;
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(ROUTE) }]);
		const { body, error } = await request({
			method: 'POST',
			path: '/api/v1/search-profile-creations',
			body: { profile_name: 'Timed out once' },
			idempotencyKey: RESEND_LABEL,
			serverDeduplicates: true,
			timeoutMs: 300,
		});
		expect(error).toBeUndefined();
		expect(body).toMatchObject({ status: expect.any(String) });
		expect(processed(fixture.sim, ROUTE)).toBe(1);
		expect(fixture.sim.state.profileCreations.size).toBe(before + 1);
		const keys = fixture.sim.requests.map((entry) => entry.headers['idempotency-key']);
		expect(keys).toEqual([RESEND_LABEL, RESEND_LABEL]);
	});

	it('a POST with a key to an endpoint that does not deduplicate is not resent after a timeout', async () => {
		const ROUTE = 'POST /api/v1/blacklists';
		const before = fixture.sim.state.blacklists.size;
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(ROUTE) }]);
		const { error } = await request({
			method: 'POST',
			path: '/api/v1/blacklists',
			body: { name: 'Timed out once' },
			idempotencyKey: `${RESEND_LABEL}-b`,
			timeoutMs: 300,
		});
		expectClearError(error);
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(received(fixture.sim, ROUTE)).toBe(1);
		expect(fixture.sim.state.blacklists.size).toBe(before + 1);
	});
});

interface Creation {
	name: string;
	route: string;
	parameters: () => INodeParameters;
	input?: () => IDataObject[];
	/** How many records of this kind the simulator holds. */
	count: () => number;
}

const firstBlacklistId = () => [...fixture.sim.state.blacklists.keys()][0];

const creations: Creation[] = [
	{
		name: 'Order > Create (discovery)',
		route: 'POST /api/v1/orders',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			orderType: 'discovery',
			// Unique per run, so a lost answer is matched to exactly this order.
			profileId: `profile-fault-suite-${executions + 1}`,
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
			profileId: `profile-fault-suite-${executions + 1}`,
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
		parameters: () => ({ resource: 'blacklist', operation: 'create', name: `Fault suite list ${executions + 1}` }),
		count: () => fixture.sim.state.blacklists.size,
	},
	{
		name: 'Blacklist > Add Entries',
		route: 'POST /api/v1/blacklists/{blacklist_id}/entries',
		parameters: () => ({
			resource: 'blacklist',
			operation: 'addEntries',
			blacklistId: byId(firstBlacklistId()),
			source: 'fields',
		}),
		// A new company each time: a duplicate entry would be skipped, not added.
		input: () => [
			{ company_name: `Gamma ${++executions}`, website_url: `https://gamma-${executions}.example` },
		],
		count: () => fixture.sim.state.blacklistEntries.get(firstBlacklistId())?.length ?? 0,
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

/** Only this create endpoint is documented to honour Idempotency-Key: only it is resent. */
const DEDUPLICATING_ROUTE = 'POST /api/v1/search-profile-creations';
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
			path: () => `/api/v1/blacklists/${firstBlacklistId()}/entries`,
			body: { entries: [{ company_name: `Timeout ${Date.now()}`, website_url: `https://timeout-${Date.now()}.example` }] },
			count: () => fixture.sim.state.blacklistEntries.get(firstBlacklistId())?.length ?? 0,
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
				blacklistId: byId(firstBlacklistId()),
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
				blacklistId: byId(firstBlacklistId()),
				updateFields: { description: 'Described by the fault suite' },
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.description).toBe('Described by the fault suite');
		expect(received(fixture.sim, route)).toBe(3);
		expect(processed(fixture.sim, route)).toBe(1);
	});
});

describe('a DELETE whose answer was lost', () => {
	it('is resent, and the 404 that follows counts as done (the first attempt deleted it)', async () => {
		const route = 'DELETE /api/v1/blacklists/{blacklist_id}';
		const blacklistId = firstBlacklistId();
		fixture.sim.setFaults([{ kind: 'resetMidBody', times: 1, match: on(route) }]);
		const { items, error } = await run({
			parameters: { resource: 'blacklist', operation: 'deleteBlacklist', blacklistId: byId(blacklistId) },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(received(fixture.sim, route)).toBe(2);
		expect(fixture.sim.state.blacklists.has(blacklistId)).toBe(false);
	});
});

/**
 * A trigger that n8n restarts between polls: each poll starts from the static data persisted after
 * the last successful poll (a failed poll persists nothing), like a worker that restarts.
 */
class RestartingTrigger {
	private persisted = '{}';
	readonly emitted: IDataObject[] = [];
	failures = 0;

	constructor(private readonly parameters: INodeParameters) {}

	async poll(): Promise<INodeExecutionData[] | null> {
		try {
			const { out, staticData } = await runPoll({
				parameters: this.parameters,
				credentials: fixture.credentials,
				staticData: JSON.parse(this.persisted) as IDataObject,
			});
			evidence.push(out);
			this.persisted = JSON.stringify(staticData);
			const items = out?.[0] ?? null;
			for (const item of items ?? []) this.emitted.push(item.json);
			return items;
		} catch (error) {
			evidence.push(error);
			expectClearError(error as NodeRunResult['error']);
			this.failures++;
			return null;
		}
	}

	/** Polls without faults until a poll emits nothing. */
	async drain(): Promise<void> {
		fixture.sim.setFaults([]);
		for (let polls = 0; polls < 10 && (await this.poll()) !== null; polls++);
	}
}

/** Fault plans for the polls of a trigger: some polls fail outright, some recover. */
function pollFaults(route: string): FaultRule[][] {
	const match = on(route);
	return [
		[{ kind: 'status', status: 503, match }], // the whole poll fails
		[{ kind: 'reset', times: 2, match }],
		[{ kind: 'malformed', match }], // fails
		[{ kind: 'status', status: 429, retryAfter: 1, times: 3, match }],
		[{ kind: 'resetMidBody', match }], // fails
		[{ kind: 'html', times: 4, match }],
		[
			{ kind: 'status', status: 500, probability: 0.3, match },
			{ kind: 'resetMidBody', probability: 0.3, match },
		],
		[{ kind: 'html', match }], // fails
	];
}

describe('the trigger loses and duplicates nothing across restarts under faults', () => {
	it('New Delivered Companies: every delivered company fires exactly once', async () => {
		const prospectSearchId = [...fixture.sim.state.prospectSearches.keys()][1];
		const trigger = new RestartingTrigger({
			event: 'newDeliveredCompanies',
			prospectSearchId: byId(prospectSearchId),
		});
		expect(await trigger.poll()).toBeNull(); // the first poll sets the starting point
		const delivered: string[] = [];
		const plans = pollFaults('GET /api/v1/deliveries/{prospect_search_id}/companies');
		for (const [round, faults] of plans.entries()) {
			// Round 2 delivers more than a page, so a fault can strike between two pages.
			const added = fixture.sim.addCompanies(prospectSearchId, round === 2 ? 130 : 3 + round);
			delivered.push(...added.map((company) => company.id));
			fixture.sim.setFaults(faults);
			await trigger.poll();
			await trigger.poll();
		}
		await trigger.drain();
		expect(trigger.failures).toBeGreaterThanOrEqual(4);
		const fired = trigger.emitted.map((json) => String(json.id));
		expect(fired).toHaveLength(delivered.length);
		expect(new Set(fired)).toEqual(new Set(delivered));
	});

	it('Order Finished: every finished order fires exactly once', async () => {
		const trigger = new RestartingTrigger({
			event: 'orderFinished',
			statuses: ['COMPLETED', 'FAILED'],
		});
		fixture.sim.clock.advance(11_000); // orders of earlier tests finish before the trigger starts
		expect(await trigger.poll()).toBeNull();
		const created: string[] = [];
		for (const faults of pollFaults('GET /api/v1/orders')) {
			fixture.sim.setFaults([]);
			const { items, error } = await run({
				parameters: {
					resource: 'order',
					operation: 'create',
					orderType: 'discovery',
					profileId: '={{ $json.profile }}',
					briefingQuantity: 3,
				},
				input: [{ profile: 'profile-a' }, { profile: 'profile-fail-b' }],
			});
			expect(error).toBeUndefined();
			created.push(...items.map((item) => String(item.json.id)));
			fixture.sim.setFaults(faults);
			await trigger.poll(); // sees them unfinished, or fails
			fixture.sim.clock.advance(11_000); // COMPLETED, or FAILED for the "fail" profile
			await trigger.poll();
		}
		await trigger.drain();
		expect(trigger.failures).toBeGreaterThanOrEqual(4);
		const fired = trigger.emitted.map((json) => String(json.id));
		expect(fired).toHaveLength(created.length);
		expect(new Set(fired)).toEqual(new Set(created));
		expect(new Set(trigger.emitted.map((json) => json.status))).toEqual(
			new Set(['COMPLETED', 'FAILED']),
		);
	});
});

/** Every string reachable from `value`, own non-enumerable properties (e.g. an error's) included. */
function textOf(value: unknown, seen = new Set<unknown>(), depth = 0): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object') return String(value);
	if (seen.has(value) || depth > 12) return '';
	seen.add(value);
	if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
	const parts: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		if (typeof child !== 'function') parts.push(key, textOf(child, seen, depth + 1));
	}
	return parts.join(' ');
}

describe('the API key', () => {
	it('appears in no error, output item, log line or request the simulator logged', () => {
		expect(evidence.length).toBeGreaterThan(50);
		expect(logLines.some((line) => line.includes('retrying'))).toBe(true);
		const haystacks = [
			...evidence.map((entry) => textOf(entry)),
			...evidence.map((entry) => JSON.stringify(entry) ?? ''),
			logLines.join('\n'),
			JSON.stringify(fixture.sim.requests),
		];
		const secretCore = LEAK_MARKER.slice('lnc_test_'.length);
		for (const text of haystacks) {
			expect(text).not.toContain(LEAK_MARKER);
			expect(text).not.toContain(secretCore);
		}
		// The simulator did receive the key: the scan would have found it had it leaked.
		expect(
			fixture.sim.requests.every((entry) => entry.headers.authorization === 'Bearer ***'),
		).toBe(true);
	});
});
