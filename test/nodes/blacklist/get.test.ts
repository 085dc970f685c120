import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { blacklist } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Get', () => {
	it('GETs each item’s blacklist and pairs the output to it', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists/bl-1')
			.reply(200, { id: 'bl-1', name: 'One', unknown_field: true })
			.get('/api/v1/blacklists/bl_2')
			.reply(200, { id: 'bl_2', name: 'Two' });
		const { items, error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator('={{ $json.id }}') }),
			input: [{ id: 'bl-1' }, { id: 'bl_2' }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 'bl-1', name: 'One', unknown_field: true }, pairedItem: { item: 0 } },
			{ json: { id: 'bl_2', name: 'Two' }, pairedItem: { item: 1 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('with Continue On Fail, a 404 becomes an error item paired to its input', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists/bl-1')
			.reply(200, { id: 'bl-1' })
			.get('/api/v1/blacklists/missing')
			.reply(404, { code: 'BLACKLIST_NOT_FOUND', message: 'Blacklist missing not found' });
		const { items, error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator('={{ $json.id }}') }),
			input: [{ id: 'bl-1' }, { id: 'missing' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0]).toEqual({ json: { id: 'bl-1' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Blacklist missing not found' },
			pairedItem: { item: 1 },
		});
		expect(items[1].error).toMatchObject({ httpCode: '404' });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty blacklist ID without sending anything', async () => {
		const scope = nock(BASE_URL).get(/.*/).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('get', { blacklistId: locator(' ') }),
		});
		expect(error?.message).toBe('Blacklist: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});
