import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { apiRequest, isOutcomeUnknown } from '../../nodes/OpenProspect/transport';
import { API_KEY, BASE_URL, makeExecuteContext } from '../helpers/engine';
import { sleepMock, totalSlept } from '../helpers/sleepMock';
import { failure, ORDER_HINT, request, useNock } from '../helpers/transportRequest';

useNock();

describe('transport: retries', () => {
	it('retries a GET on 503 and 429, honouring Retry-After seconds', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(503, { code: 'UNAVAILABLE', message: 'down' })
			.get('/api/v1/orders')
			.reply(429, { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, { 'Retry-After': '7' })
			.get('/api/v1/orders')
			.reply(200, { orders: [] });
		expect(await request({ method: 'GET', path: '/api/v1/orders' })).toEqual({ orders: [] });
		expect(scope.isDone()).toBe(true);
		// First wait: backoff from 1 s (0.5–1 s); second: Retry-After 7 s plus at most 1 s of jitter.
		expect(totalSlept()).toBeGreaterThanOrEqual(7000 + 500);
		expect(totalSlept()).toBeLessThanOrEqual(7000 + 1000 + 1000);
	});

	it('honours Retry-After as an HTTP date and a body retry_after', async () => {
		const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
		nock(BASE_URL)
			.get('/api/v1/companies/x')
			.reply(429, { error: 'RATE_LIMIT_EXCEEDED', message: 'later', retry_after: 3 })
			.get('/api/v1/companies/x')
			.reply(429, {}, { 'Retry-After': inFiveSeconds })
			.get('/api/v1/companies/x')
			.reply(200, { id: 'x' });
		expect(await request({ method: 'GET', path: '/api/v1/companies/x' })).toEqual({ id: 'x' });
		expect(sleepMock.mock.calls.length).toBeGreaterThanOrEqual(2);
		expect(totalSlept()).toBeGreaterThanOrEqual(3000 + 3000);
		expect(totalSlept()).toBeLessThanOrEqual(3000 + 5000 + 2000);
	});

	it('does not wait an hour: a Retry-After over the cap fails at once with the hint', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(429, { error: 'RATE_LIMIT_EXCEEDED', message: 'Retry after 3600 seconds.', retry_after: 3600 });
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('Retry after 3600 seconds.');
		expect(error.description).toContain('Retry after: 3600 s');
		expect(totalSlept()).toBe(0);
	});

	it('gives up on a GET after 5 attempts with capped exponential backoff', async () => {
		const scope = nock(BASE_URL).get('/api/v1/orders').times(5).reply(500, { code: 'INTERNAL', message: 'boom' });
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('boom');
		expect(sleepMock.mock.calls.length).toBeGreaterThanOrEqual(4);
		// 4 waits of 0.5–1, 1–2, 2–4 and 4–8 s.
		expect(totalSlept()).toBeGreaterThanOrEqual(7500);
		expect(totalSlept()).toBeLessThanOrEqual(15000);
	});

	it('retries PUT and DELETE on 5xx', async () => {
		const scope = nock(BASE_URL)
			.put('/api/v1/prospect-searches/s/blacklists')
			.reply(502, 'bad gateway')
			.put('/api/v1/prospect-searches/s/blacklists')
			.reply(200, { items: [] })
			.delete('/api/v1/blacklists/b')
			.reply(503, {})
			.delete('/api/v1/blacklists/b')
			.reply(204);
		await request({ method: 'PUT', path: '/api/v1/prospect-searches/s/blacklists', body: { blacklist_ids: [] } });
		expect(await request({ method: 'DELETE', path: '/api/v1/blacklists/b' })).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('never retries a POST without an Idempotency-Key on 500, and says the outcome is unknown', async () => {
		const scope = nock(BASE_URL).post('/api/v1/orders').once().reply(500, { code: 'INTERNAL', message: 'boom' });
		const error = await failure({ method: 'POST', path: '/api/v1/orders', body: { profile_id: 'p', briefing_quantity: 5 }, outcomeCheckHint: ORDER_HINT });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('The outcome of POST /api/v1/orders is unknown: OpenProspect may or may not have applied it');
		expect(error.description).toContain('it was not sent again');
		expect(error.description).toContain("Retry On Fail (or running the workflow again) would send it a second time");
		expect(error.description).toContain(ORDER_HINT);
		expect(isOutcomeUnknown(error)).toBe(true);
		expect((error as unknown as { context: { outcomeUnknown?: boolean } }).context.outcomeUnknown).toBe(true);
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('never retries a POST after a timeout', async () => {
		const scope = nock(BASE_URL).post('/api/v1/blacklists').delay(300).reply(201, { id: 'b1' });
		const error = await failure({ method: 'POST', path: '/api/v1/blacklists', body: { name: 'x' }, timeoutMs: 50 });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toMatch(/outcome of POST \/api\/v1\/blacklists is unknown/);
		expect(error.description).toContain('timed out');
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('never retries a PATCH on 503', async () => {
		const scope = nock(BASE_URL).patch('/api/v1/blacklists/b').once().reply(503, {});
		const error = await failure({ method: 'PATCH', path: '/api/v1/blacklists/b', body: { name: 'y' } });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toMatch(/outcome of PATCH/);
	});

	it('retries a POST on 429: the server did not act on it', async () => {
		const scope = nock(BASE_URL)
			.post('/api/v1/orders')
			.reply(429, { code: 'RATE_LIMIT_EXCEEDED', message: 'slow' }, { 'Retry-After': '2' })
			.post('/api/v1/orders')
			.reply(201, { id: 'o1', status: 'RECEIVED' });
		expect(await request({ method: 'POST', path: '/api/v1/orders', body: { profile_id: 'p', briefing_quantity: 1 } })).toEqual({
			id: 'o1',
			status: 'RECEIVED',
		});
		expect(scope.isDone()).toBe(true);
		expect(totalSlept()).toBeGreaterThanOrEqual(2000);
	});

	it('retries a POST on 503 when it carries an Idempotency-Key, sending the same key again', async () => {
		const keys: string[] = [];
		const scope = nock(BASE_URL)
			.post('/api/v1/search-profile-creations')
			.twice()
			.reply(function () {
				keys.push(String(this.req.headers['idempotency-key']));
				return keys.length === 1 ? [503, {}] : [201, { id: 'c1', status: 'PENDING' }];
			});
		await request({ method: 'POST', path: '/api/v1/search-profile-creations', body: { profile_name: 'x' }, idempotencyKey: 'key-1', serverDeduplicates: true });
		expect(scope.isDone()).toBe(true);
		expect(keys).toEqual(['key-1', 'key-1']);
	});

	it.each([
		['/api/v1/orders', { profile_id: 'p', briefing_quantity: 5 }],
		['/api/v1/blacklists', { name: 'x' }],
		['/api/v1/blacklists/b1/entries', { entries: [{ company_name: 'Acme' }] }],
	])('POST %s with an Idempotency-Key is NOT resent after a 503 (the endpoint does not promise to deduplicate)', async (path, body) => {
		const scope = nock(BASE_URL).post(path).once().reply(503, {});
		const error = await failure({ method: 'POST', path, body, idempotencyKey: 'key-1', outcomeCheckHint: 'Look it up.' });
		expect(scope.isDone()).toBe(true);
		expect(isOutcomeUnknown(error)).toBe(true);
		expect(error.description).toContain('Look it up.');
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('a POST with a key to a deduplicating endpoint is resent after a timeout and a reset-like failure', async () => {
		const scope = nock(BASE_URL)
			.post('/api/v1/search-profile-creations')
			.delay(300)
			.reply(201, { id: 'late' })
			.post('/api/v1/search-profile-creations')
			.replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
			.post('/api/v1/search-profile-creations')
			.reply(201, { id: 'c1' });
		const body = await request({
			method: 'POST',
			path: '/api/v1/search-profile-creations',
			body: { profile_name: 'x' },
			idempotencyKey: 'key-2',
			serverDeduplicates: true,
			timeoutMs: 50,
		});
		expect(body).toEqual({ id: 'c1' });
		expect(scope.isDone()).toBe(true);
	});

	it('serverDeduplicates without an Idempotency-Key does not make a POST resendable', async () => {
		const scope = nock(BASE_URL).post('/api/v1/search-profile-creations').once().reply(500, {});
		const error = await failure({ method: 'POST', path: '/api/v1/search-profile-creations', body: {}, serverDeduplicates: true });
		expect(scope.isDone()).toBe(true);
		expect(isOutcomeUnknown(error)).toBe(true);
		// The API deduplicates this endpoint by key: no warning against running it again.
		expect(error.description).not.toContain('Retry On Fail');
	});

	it('a POST answered with another 4xx is reported as it is, never resent and not "outcome unknown"', async () => {
		const scope = nock(BASE_URL).post('/api/v1/orders').once().reply(409, { code: 'CONFLICT', message: 'busy' });
		const error = await failure({ method: 'POST', path: '/api/v1/orders', body: {}, idempotencyKey: 'k', serverDeduplicates: true });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('busy');
		expect(isOutcomeUnknown(error)).toBe(false);
	});

	// Connection resets mid-request are exercised against the local simulator in the fault suite
	// (nock cannot reset a socket the way a server does).
	it('retries a POST whose connection was refused, since nothing was sent, then reports it', async () => {
		nock.enableNetConnect('127.0.0.1');
		try {
			const closedPort = 'http://127.0.0.1:9';
			let caught: MappedError | undefined;
			try {
				await request({ method: 'POST', path: '/api/v1/blacklists', body: { name: 'x' } }, { apiKey: API_KEY, baseUrl: closedPort });
			} catch (error) {
				caught = error as MappedError;
			}
			expect(caught?.message).toBe('Could not reach OpenProspect (ECONNREFUSED)');
			// Four backoff waits (0.5–1, 1–2, 2–4, 4–8 s): five attempts in all.
			expect(totalSlept()).toBeGreaterThanOrEqual(7500);
		} finally {
			nock.disableNetConnect();
		}
	});

	it('a 2xx with a body that is not JSON is retried for a GET, then reported', async () => {
		const scope = nock(BASE_URL).get('/api/v1/orders').times(5).reply(200, '{"orders": [', { 'Content-Type': 'application/json' });
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('OpenProspect returned a response that is not valid JSON');
	});

	it('stops retrying when the execution is cancelled', async () => {
		const controller = new AbortController();
		sleepMock.mockImplementationOnce(async () => controller.abort());
		nock(BASE_URL).get('/api/v1/orders').times(5).reply(503, {});
		let caught: MappedError | undefined;
		try {
			await apiRequest.call(makeExecuteContext({ abortSignal: controller.signal }), { method: 'GET', path: '/api/v1/orders' });
		} catch (error) {
			caught = error as MappedError;
		}
		expect(caught?.message).toBe('The execution was cancelled');
		expect(nock.pendingMocks().length).toBe(1);
	});
});
