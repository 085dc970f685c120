import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { apiRequestFull, isOutcomeUnknown } from '../../nodes/OpenProspect/transport';
import { BASE_URL, makeExecuteContext } from '../helpers/engine';
import { failure, useNock } from '../helpers/transportRequest';

useNock();

describe('transport: full responses and outcome-unknown marking', () => {
	it('apiRequestFull returns the body, lower-case header names and the status code', async () => {
		nock(BASE_URL).get('/api/v1/orders').reply(200, { orders: [] }, { 'X-Request-Id': 'req_1', Date: 'Fri, 04 Dec 2026 10:00:00 GMT' });
		const response = await apiRequestFull.call(makeExecuteContext(), { method: 'GET', path: '/api/v1/orders' });
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ orders: [] });
		expect(response.headers['x-request-id']).toBe('req_1');
		expect(response.headers.date).toBe('Fri, 04 Dec 2026 10:00:00 GMT');
	});

	it('an ambiguous write without a hint gets the generic wording; a 4xx is not "outcome unknown"', async () => {
		nock(BASE_URL).post('/api/v1/blacklists').reply(500, {}).post('/api/v1/blacklists').reply(422, { message: 'bad name' });
		const unknown = await failure({ method: 'POST', path: '/api/v1/blacklists', body: { name: 'x' } });
		expect(isOutcomeUnknown(unknown)).toBe(true);
		expect(unknown.description).toContain('whether the change was applied before trying again');
		const rejected = await failure({ method: 'POST', path: '/api/v1/blacklists', body: { name: 'x' } });
		expect(rejected.message).toBe('bad name');
		expect(isOutcomeUnknown(rejected)).toBe(false);
		expect(isOutcomeUnknown(new Error('x'))).toBe(false);
	});
});
