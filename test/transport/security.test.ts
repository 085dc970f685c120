/**
 * The key stays home: redirects are not followed, the key goes to the base URL's origin only, a
 * server echoing the key gets it redacted everywhere, and hostile timing (a trickling server, a
 * negative Retry-After) cannot hold or hurry a request.
 */
import nock from 'nock';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { OpenProspectApi } from '../../credentials/OpenProspectApi.credentials';
import type { ApiRequest } from '../../nodes/OpenProspect/transport';
import { apiRequest, isOutcomeUnknown } from '../../nodes/OpenProspect/transport';
import { API_KEY, BASE_URL, makeExecuteContext, testCredential } from '../helpers/engine';
import { sleepMock, totalSlept } from '../helpers/sleepMock';
import { after, startTricklingServer } from './tricklingServer.mjs';

const ELSEWHERE = 'https://elsewhere.test';

interface Credentials {
	apiKey: string;
	baseUrl: string;
}

async function failure(input: ApiRequest, credentials?: Credentials) {
	try {
		await apiRequest.call(makeExecuteContext({ credentials }), input);
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('The request was expected to fail');
}

/** Interceptors on another host that must stay unused. */
function trapElsewhere() {
	return nock(ELSEWHERE).get(/.*/).reply(200, { valid: true }).post(/.*/).reply(201, { id: 'x' });
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => sleepMock.mockClear());
afterEach(() => nock.cleanAll());

describe('redirects are never followed with the key', () => {
	it('a GET answered 302 to another host fails naming where it pointed (no query), the other host gets nothing', async () => {
		const trap = trapElsewhere();
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.once()
			.reply(302, '', { Location: `${ELSEWHERE}/steal?token=abc#x` });
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(scope.isDone()).toBe(true);
		expect(trap.isDone()).toBe(false);
		expect(error.message).toBe(
			`OpenProspect answered with a redirect (HTTP 302) to ${ELSEWHERE}/steal, which was not followed`,
		);
		expect(JSON.stringify(error)).not.toContain('token=abc');
		expect(error.description).toContain('Base URL');
	});

	it('a POST answered 303 is not turned into a GET: "outcome unknown", naming the target', async () => {
		const trap = trapElsewhere();
		const followed = nock(BASE_URL).get('/api/v1/orders/o1').reply(200, { id: 'o1' });
		nock(BASE_URL).post('/api/v1/orders').once().reply(303, '', { Location: '/api/v1/orders/o1?x=1' });
		const error = await failure({ method: 'POST', path: '/api/v1/orders', body: { profile_id: 'p' } });
		expect(isOutcomeUnknown(error)).toBe(true);
		expect(error.description).toContain('redirect (HTTP 303) to /api/v1/orders/o1, which was not followed');
		expect(followed.isDone()).toBe(false);
		expect(trap.isDone()).toBe(false);
	});

	it('the credential test does not follow a redirect either', async () => {
		const trap = trapElsewhere();
		nock(BASE_URL).get('/api/v1/auth/validate').reply(301, '', { Location: `${ELSEWHERE}/api/v1/auth/validate` });
		const result = await testCredential({ apiKey: API_KEY, baseUrl: BASE_URL });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/redirect is not followed/);
		expect(trap.isDone()).toBe(false);
	});
});

describe('the key goes to the base URL origin only', () => {
	const credential = new OpenProspectApi();
	const credentials = { apiKey: API_KEY, baseUrl: BASE_URL };
	const authenticate = async (options: Partial<IHttpRequestOptions>) =>
		await credential.authenticate(credentials, { url: '', ...options });

	it('refuses a request to another origin made with this credential (as an HTTP Request node could)', async () => {
		const trap = trapElsewhere();
		const context = makeExecuteContext();
		await expect(
			context.helpers.httpRequestWithAuthentication.call(context, 'openProspectApi', { url: `${ELSEWHERE}/x`, method: 'GET' }),
		).rejects.toThrow(/only sent to https:\/\/api\.openprospect\.test, not to https:\/\/elsewhere\.test/);
		expect(trap.isDone()).toBe(false);
	});

	it.each([
		[{ url: `${ELSEWHERE}/api/v1/orders` }],
		[{ url: '//elsewhere.test/api/v1/orders', baseURL: BASE_URL }],
		[{ url: '/api/v1/orders', baseURL: 'http://api.openprospect.test' }],
		[{ url: '/api/v1/orders', baseURL: 'https://api.openprospect.test:8443' }],
		[{ url: 'https://user:pw@api.openprospect.test/api/v1/orders' }],
		[{ url: '/api/v1/orders' }],
	])('authenticate() refuses %j', async (options) => {
		await expect(authenticate(options)).rejects.toThrow(/only sent to https:\/\/api\.openprospect\.test/);
	});

	it('authenticate() accepts the base URL origin, relative or absolute, and never follows redirects', async () => {
		for (const options of [{ url: '/api/v1/orders', baseURL: BASE_URL }, { url: `${BASE_URL}/api/v1/orders` }, { url: '/api/v1/x', baseURL: `${BASE_URL}/` }]) {
			const result = await authenticate(options);
			expect(result.headers?.Authorization).toBe(`Bearer ${API_KEY}`);
			expect(result.disableFollowRedirect).toBe(true);
			expect(result.maxRedirects).toBe(0);
			expect(result.abortSignal).toBeDefined();
		}
	});

	it('refuses a base URL with a user name or password part, without repeating it', async () => {
		const trap = trapElsewhere();
		const baseUrl = 'https://api.openprospect.io:s3cretpw@elsewhere.test';
		const error = await failure({ method: 'GET', path: '/api/v1/orders' }, { apiKey: API_KEY, baseUrl });
		expect(error.message).toMatch(/must not contain a user name or password/);
		expect(error.message).toContain('elsewhere.test');
		expect(error.message).not.toContain('s3cretpw');
		const result = await testCredential({ apiKey: API_KEY, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/must not contain a user name or password/);
		expect(trap.isDone()).toBe(false);
	});

	it('the credential test trims the base URL like the node does', async () => {
		const scope = nock(BASE_URL).get('/api/v1/auth/validate').reply(200, { valid: true, scopes: [] });
		expect(await testCredential({ apiKey: API_KEY, baseUrl: `  ${BASE_URL}/api/v1/  ` })).toEqual({ status: 'OK' });
		expect(scope.isDone()).toBe(true);
	});
});

/** Every string reachable from `value` (own properties, enumerable or not), joined. */
function everyString(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (typeof value !== 'object' || value === null || seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((name) => `${name} ${everyString((value as Record<string, unknown>)[name], seen)}`)
		.join(' ');
}

describe('redaction of a key the server echoes', () => {
	// Built at run time so the secret scanner does not mistake the fixture for a real key.
	const key = ['lnc', 'test', 'echoedfixture99'].join('_');

	it('every string of the stored error response is redacted, and a key pasted with spaces is trimmed', async () => {
		const scope = nock(BASE_URL)
			.matchHeader('authorization', `Bearer ${key}`)
			.get('/api/v1/orders')
			.reply(
				403,
				{ code: `BAD_${key}`, message: 'no', request_id: key, details: { required_scopes: [key], user_scopes: [`x ${key}`] } },
				{ 'X-Request-Id': `id-${key}` },
			);
		const error = await failure({ method: 'GET', path: '/api/v1/orders' }, { apiKey: `  ${key}\n`, baseUrl: BASE_URL });
		expect(scope.isDone()).toBe(true);
		const serialised = everyString(error);
		expect(serialised).toContain('BAD_[redacted]');
		expect(serialised).not.toContain(key);
		expect(JSON.stringify(error)).not.toContain(key);
	});
});

describe('hostile timing', () => {
	it('a negative Retry-After is ignored: the usual backoff applies instead of no wait', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(429, {}, { 'Retry-After': '-5' })
			.get('/api/v1/orders')
			.reply(200, { orders: [] });
		await apiRequest.call(makeExecuteContext(), { method: 'GET', path: '/api/v1/orders' });
		expect(scope.isDone()).toBe(true);
		expect(totalSlept()).toBeGreaterThanOrEqual(500);
		expect(totalSlept()).toBeLessThanOrEqual(1000);
	});

	it('a Retry-After date is measured from the server Date header, not the local clock', async () => {
		nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(429, {}, { Date: 'Mon, 23 Nov 2026 12:00:00 GMT', 'Retry-After': 'Mon, 23 Nov 2026 12:00:04 GMT' })
			.get('/api/v1/orders')
			.reply(200, { orders: [] });
		await apiRequest.call(makeExecuteContext(), { method: 'GET', path: '/api/v1/orders' });
		expect(totalSlept()).toBeGreaterThanOrEqual(4000);
		expect(totalSlept()).toBeLessThanOrEqual(4400);
	});

	/** A server that sends headers, then a space every 50 ms, and completes the JSON after 5 s. */
	async function withTricklingServer(use: (baseUrl: string) => Promise<void>): Promise<void> {
		const server = await startTricklingServer();
		// Without nock in the way: its request stand-in times out on the wall clock, a real socket does not.
		nock.restore();
		try {
			await use(server.baseUrl);
		} finally {
			nock.activate();
			await server.close();
		}
	}

	const ONE_ATTEMPT = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 };

	// Without a total deadline the answer completes after 5 s and the request succeeds.
	it('a server that trickles a byte at a time is cut off at the total deadline', { timeout: 8000 }, async () => {
		await withTricklingServer(async (baseUrl) => {
			const error = await failure(
				{ method: 'GET', path: '/api/v1/orders', timeoutMs: 400, policy: ONE_ATTEMPT },
				{ apiKey: API_KEY, baseUrl },
			);
			expect(error.message).toBe('OpenProspect did not answer within 400 ms');
		});
	});

	// The deadline is combined with the execution's cancel signal, not put in its place.
	it('cancelling the execution still stops a request in flight', { timeout: 8000 }, async () => {
		await withTricklingServer(async (baseUrl) => {
			const controller = new AbortController();
			const context = makeExecuteContext({ credentials: { apiKey: API_KEY, baseUrl }, abortSignal: controller.signal });
			const pending = apiRequest.call(context, { method: 'GET', path: '/api/v1/orders', timeoutMs: 60_000, policy: ONE_ATTEMPT });
			after(200, () => controller.abort());
			await expect(pending).rejects.toThrow('The execution was cancelled');
		});
	});
});

describe('a DELETE resent after an ambiguous failure', () => {
	it('a 404 after a retried 503 or 502 counts as done (a reset: see the fault suite)', async () => {
		const scope = nock(BASE_URL)
			.delete('/api/v1/blacklists/b1')
			.reply(503, {})
			.delete('/api/v1/blacklists/b1')
			.reply(404, { code: 'ENTITY_NOT_FOUND', message: 'Blacklist not found' })
			.delete('/api/v1/blacklists/b2')
			.reply(502, '<html><title>Bad Gateway</title></html>')
			.delete('/api/v1/blacklists/b2')
			.reply(404, { code: 'ENTITY_NOT_FOUND', message: 'Blacklist not found' });
		const context = makeExecuteContext();
		expect(await apiRequest.call(context, { method: 'DELETE', path: '/api/v1/blacklists/b1' })).toBeUndefined();
		expect(await apiRequest.call(context, { method: 'DELETE', path: '/api/v1/blacklists/b2' })).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('a 404 on the first attempt, or after a 429 (nothing applied), is still "not found"', async () => {
		nock(BASE_URL)
			.delete('/api/v1/blacklists/b1')
			.reply(404, { code: 'ENTITY_NOT_FOUND', message: 'Blacklist not found' })
			.delete('/api/v1/blacklists/b2')
			.reply(429, {}, { 'Retry-After': '1' })
			.delete('/api/v1/blacklists/b2')
			.reply(404, { code: 'ENTITY_NOT_FOUND', message: 'Blacklist not found' });
		expect((await failure({ method: 'DELETE', path: '/api/v1/blacklists/b1' })).message).toBe('Blacklist not found');
		expect((await failure({ method: 'DELETE', path: '/api/v1/blacklists/b2' })).message).toBe('Blacklist not found');
	});
});
