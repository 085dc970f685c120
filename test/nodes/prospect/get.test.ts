import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { get, prospect, simplified } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect > Get', () => {
	it('GET /api/v1/prospects/{id} with a non-UUID id, simplified by default', async () => {
		const { scope, seen } = api();
		scope.get('/api/v1/prospects/ps_abc123').query({}).reply(200, prospect(7));
		const { items, error } = await runNode({ parameters: get() });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simplified(7), pairedItem: { item: 0 } }]);
		expect(seen).toEqual([{ method: 'GET', path: '/api/v1/prospects/ps_abc123', body: '' }]);
		expect(scope.isDone()).toBe(true);
	});

	it('simplifies tolerantly: missing fields are left out', async () => {
		const { scope } = api();
		scope.get('/api/v1/prospects/ps_abc123').reply(200, { id: 'ps_abc123', full_name: 'Bo' });
		const { items } = await runNode({ parameters: get() });
		expect(items).toEqual([{ json: { id: 'ps_abc123', name: 'Bo' }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('multi-item input with Continue On Fail: the 404 item errors, the others succeed, all paired', async () => {
		const { scope } = api();
		scope
			.get('/api/v1/prospects/ps_1')
			.reply(200, prospect(1))
			.get('/api/v1/prospects/ps_2')
			.reply(404, {
				code: 'ENTITY_NOT_FOUND',
				message: 'Prospect not found',
				entity_type: 'prospect',
				identifier: 'ps_2',
			})
			.get('/api/v1/prospects/ps_3')
			.reply(200, prospect(3));
		const { items, error } = await runNode({
			parameters: get({ prospectId: locator('={{ $json.id }}'), simplify: false }),
			input: [{ id: 'ps_1' }, { id: 'ps_2' }, { id: 'ps_3' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({ json: prospect(1), pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Prospect not found' },
			pairedItem: { item: 1 },
		});
		expect(items[1].error).toMatchObject({ httpCode: '404' });
		expect(items[2]).toEqual({ json: prospect(3), pairedItem: { item: 2 } });
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['an empty id', '', 'Prospect: is empty [item 0]'],
		[
			'an id with a slash',
			'ps_1/jobs',
			'Prospect: "ps_1/jobs" is not an ID (it contains / ? or #) [item 0]',
		],
	])('refuses %s and sends nothing', async (_name, id, message) => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: get({ prospectId: locator('={{ $json.id }}') }),
			input: [{ id }],
		});
		expect(error?.message).toBe(message);
		expectNothingSent(trapped);
	});
});
