import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { OpenProspectApi } from '../../credentials/OpenProspectApi.credentials';
import { API_KEY, BASE_URL, testCredential } from '../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('OpenProspect API credential', () => {
	it('declares a password API key, a base URL and the validate test request', () => {
		const credential = new OpenProspectApi();
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(apiKey?.required).toBe(true);
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			'https://api.openprospect.io',
		);
		expect(credential.test.request.url).toBe('/api/v1/auth/validate');
		const notice = credential.properties.find((property) => property.type === 'notice');
		for (const scope of [
			'orders:read',
			'orders:write',
			'companies:read',
			'prospects:read',
			'prospect_searches:read',
			'blacklists:write',
		]) {
			expect(notice?.displayName).toContain(scope);
		}
	});

	it('passes with a valid key, sending it as a Bearer token', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/auth/validate')
			.matchHeader('authorization', `Bearer ${API_KEY}`)
			.reply(200, { valid: true, scopes: ['orders:read'] });
		expect(await testCredential({ apiKey: API_KEY, baseUrl: BASE_URL })).toEqual({ status: 'OK' });
		expect(scope.isDone()).toBe(true);
	});

	it('uses the production URL when the base URL is empty, and strips a trailing /api/v1', async () => {
		const production = nock('https://api.openprospect.io')
			.get('/api/v1/auth/validate')
			.twice()
			.reply(200, { valid: true, scopes: [] });
		expect(await testCredential({ apiKey: API_KEY, baseUrl: '' })).toEqual({ status: 'OK' });
		expect(
			await testCredential({ apiKey: API_KEY, baseUrl: 'https://api.openprospect.io/api/v1/' }),
		).toEqual({ status: 'OK' });
		expect(production.isDone()).toBe(true);
	});

	it('fails on 401 with a message that says what to check (whatever the error format)', async () => {
		for (const body of [{ code: 'UNAUTHORIZED', message: 'Invalid API key' }, { error: 'UNAUTHORIZED', message: 'Invalid API key' }]) {
			nock(BASE_URL).get('/api/v1/auth/validate').reply(401, body);
			const result = await testCredential({ apiKey: 'wrong-key', baseUrl: BASE_URL });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/rejected this API key \(401 UNAUTHORIZED\)/);
		}
	});

	it('fails with a clear message when the base URL is not the OpenProspect API', async () => {
		nock(BASE_URL).get('/api/v1/auth/validate').reply(404, '<html><title>Not Found</title></html>');
		const result = await testCredential({ apiKey: API_KEY, baseUrl: BASE_URL });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/did not answer like the OpenProspect API/) });
	});

	it('fails when the API answers 200 with valid: false', async () => {
		nock(BASE_URL).get('/api/v1/auth/validate').reply(200, { valid: false, scopes: [] });
		const result = await testCredential({ apiKey: API_KEY, baseUrl: BASE_URL });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/not valid/) });
	});

	it('refuses a plain http base URL on a public host before sending the key', async () => {
		const leak = nock('http://api.openprospect.test')
			.get('/api/v1/auth/validate')
			.reply(200, { valid: true });
		const result = await testCredential({
			apiKey: API_KEY,
			baseUrl: 'http://api.openprospect.test',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/must use https:\/\//);
		expect(leak.isDone()).toBe(false);
	});

	it('accepts plain http for localhost and 127.0.0.1 (the local simulator)', async () => {
		const local = nock('http://127.0.0.1:4010')
			.get('/api/v1/auth/validate')
			.reply(200, { valid: true, scopes: [] });
		expect(await testCredential({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:4010' })).toEqual({
			status: 'OK',
		});
		expect(local.isDone()).toBe(true);
	});
});
