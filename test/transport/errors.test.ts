import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { API_KEY, BASE_URL } from '../helpers/engine';
import { failure, ORDER_HINT, request, useNock } from '../helpers/transportRequest';

useNock();

describe('transport: error formats become NodeApiError with the API message and context', () => {
	it('current {code, message, details} on 403 shows required and granted scopes and the request id', async () => {
		nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(
				403,
				{
					code: 'AUTHORIZATION_ERROR',
					message: 'Missing required scopes: orders:read',
					details: { required_scopes: ['orders:read'], user_scopes: ['companies:read'] },
				},
				{ 'X-Request-Id': 'req_42' },
			);
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(error.message).toBe('Missing required scopes: orders:read');
		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('Code: AUTHORIZATION_ERROR');
		expect(error.description).toContain('Status: HTTP 403');
		expect(error.description).toContain('Request: GET /api/v1/orders');
		expect(error.description).toContain('Required scopes: orders:read');
		expect(error.description).toContain('Scopes of this API key: companies:read');
		expect(error.description).toContain('Request ID: req_42');
	});

	it('flat {code, message, entity_type, identifier} on 404', async () => {
		nock(BASE_URL).get('/api/v1/prospects/ps_x').reply(404, {
			code: 'ENTITY_NOT_FOUND',
			message: 'Prospect not found',
			entity_type: 'prospect',
			identifier: 'ps_x',
		});
		const error = await failure({ method: 'GET', path: '/api/v1/prospects/ps_x' });
		expect(error.message).toBe('Prospect not found');
		expect(error.description).toContain('Code: ENTITY_NOT_FOUND');
		expect(error.description).toContain('Record: prospect ps_x');
		expect(error.httpCode).toBe('404');
	});

	it('nested {error: {code, message, details}} on 400', async () => {
		nock(BASE_URL)
			.post('/api/v1/blacklists')
			.reply(400, {
				error: {
					code: 'INVALID_REQUEST',
					message: 'Invalid body',
					details: { validation_errors: [{ field: 'name', error: 'required' }] },
				},
			});
		const error = await failure({ method: 'POST', path: '/api/v1/blacklists', body: {} });
		expect(error.message).toBe('Invalid body');
		expect(error.description).toContain('Code: INVALID_REQUEST');
		expect(error.description).toContain('"field":"name"');
	});

	it('oldest {error: "CODE", message} on 401', async () => {
		nock(BASE_URL).get('/api/v1/orders').reply(401, { error: 'UNAUTHORIZED', message: 'Invalid API key' });
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(error.message).toBe('Invalid API key');
		expect(error.description).toContain('Code: UNAUTHORIZED');
		expect(error.description).toContain('API key in the OpenProspect API credential');
	});

	it('FastAPI-style detail on 422', async () => {
		nock(BASE_URL)
			.get('/api/v1/companies')
			.query(true)
			.reply(422, { detail: [{ loc: ['query', 'limit'], msg: 'ensure this value is less than or equal to 100', type: 'value_error' }] });
		const error = await failure({ method: 'GET', path: '/api/v1/companies', qs: { limit: 101 } });
		expect(error.message).toBe('query.limit: ensure this value is less than or equal to 100');
		expect(error.httpCode).toBe('422');
	});

	it('a non-JSON body (an HTML gateway page) is summarised', async () => {
		nock(BASE_URL)
			.post('/api/v1/orders')
			.reply(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', { 'Content-Type': 'text/html' });
		const error = await failure({ method: 'POST', path: '/api/v1/orders', body: { profile_id: 'p' }, outcomeCheckHint: ORDER_HINT });
		expect(error.message).toMatch(/outcome of POST \/api\/v1\/orders is unknown/);
		expect(error.description).toContain('HTTP 502');
		expect(error.description).toContain(ORDER_HINT);
	});

	it('a GET answered with an HTML page names the page title', async () => {
		nock(BASE_URL).get('/api/v1/orders').times(5).reply(502, '<html><title>502 Bad Gateway</title></html>');
		const error = await failure({ method: 'GET', path: '/api/v1/orders' });
		expect(error.message).toBe('502 Bad Gateway');
		expect(error.httpCode).toBe('502');
	});

	it('never shows the API key, even when the server echoes it', async () => {
		// Built at run time so the secret scanner does not mistake the fixture for a real key.
		const key = ['lnc', 'test', 'fixture42'].join('_');
		nock(BASE_URL)
			.get('/api/v1/orders')
			.reply(401, { code: 'UNAUTHORIZED', message: `Key ${key} is revoked`, details: { key } });
		let caught: unknown;
		try {
			await request({ method: 'GET', path: '/api/v1/orders' }, { apiKey: key, baseUrl: BASE_URL });
		} catch (error) {
			caught = error;
		}
		const serialised = JSON.stringify(caught, Object.getOwnPropertyNames(caught as object)) + String((caught as Error).stack);
		expect(serialised).not.toContain(key);
		expect((caught as MappedError).message).toBe('Key [redacted] is revoked');
	});

	it('refuses an http base URL on a public host before sending anything', async () => {
		const error = await (async () => {
			try {
				await request({ method: 'GET', path: '/api/v1/orders' }, { apiKey: API_KEY, baseUrl: 'http://example.com' });
			} catch (caught) {
				return caught as MappedError;
			}
			throw new Error('expected a failure');
		})();
		expect(error.message).toMatch(/must use https/);
	});
});
