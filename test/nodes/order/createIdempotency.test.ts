import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { create, DERIVED_KEY, discovery, order, statusSequence, waiting } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

describe('Order > Create: idempotency', () => {
	it("n8n's Retry On Fail resends the POST with the SAME key", async () => {
		const { scope, seen } = api();
		// The transport does not resend an order POST after a 5xx (the API does not promise to
		// deduplicate it); the failure fails the node, and n8n runs it again as the user asked.
		scope.post('/api/v1/orders').reply(500, { code: 'INTERNAL', message: 'Boom' });
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		const { items, error } = await runNode({
			parameters: discovery(),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 1, // n8n reads 0 as its 1 s default
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: order('RECEIVED'), pairedItem: { item: 0 } }]);
		expect(seen).toHaveLength(2);
		expect(new Set(seen.map((request) => request.key)).size).toBe(1);
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('Retry On Fail after a failure while waiting: the order POST is replayed with the same key', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [
			403,
			{ code: 'AUTHORIZATION_ERROR', message: 'Missing required scopes: orders:read' },
		]);
		scope.post('/api/v1/orders').reply(200, order('RECEIVED'), { 'Idempotent-Replayed': 'true' });
		statusSequence(scope, [200, order('COMPLETED')]);
		const { items, error } = await runNode({
			parameters: discovery(waiting()),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 1, // n8n reads 0 as its 1 s default
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('COMPLETED');
		const posts = seen.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[0].key).toBe(posts[1].key);
		expect(scope.isDone()).toBe(true);
	});

	it('the transport does not resend the order POST after a 503: the outcome is unknown', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(503, 'Service Unavailable');
		const { error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems' }),
			input: [{ company_name: 'Acme' }],
		});
		expect(error?.message).toMatch(/outcome of POST \/api\/v1\/orders is unknown/);
		expect(seen.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(seen[0].key).toMatch(DERIVED_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('explains a 409 for a key reused with a different body', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(409, {
			code: 'IDEMPOTENCY_KEY_REUSED',
			message: 'This Idempotency-Key was already used with a different request body',
		});
		const { error } = await runNode({
			parameters: discovery({ options: { idempotencyKey: 'order-1' } }),
		});
		expect(error?.message).toBe(
			'This Idempotency-Key was already used with a different request body',
		);
		expect(error?.httpCode).toBe('409');
		expect(error?.description).toContain(
			'Use a new key for a different request (or leave the key empty to let the node derive one).',
		);
		expect(error?.description).toContain('Code: IDEMPOTENCY_KEY_REUSED');
		expect(scope.isDone()).toBe(true);
	});
});
