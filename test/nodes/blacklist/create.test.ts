import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { blacklist, DERIVED_KEY, recordKeys } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Create', () => {
	const parameters = blacklist('create', {
		name: ' Competitors ',
		description: 'Never deliver these',
		options: { additionalBodyFields: '{"color": "red", "name": "ignored"}' },
	});
	const body = { name: 'Competitors', description: 'Never deliver these', color: 'red' };
	const created = { id: 'bl-9', name: 'Competitors', description: 'Never deliver these', extra: 1 };

	it('POSTs name, description and the additional body fields with a derived Idempotency-Key', async () => {
		const keys: string[] = [];
		const scope = recordKeys(
			nock(BASE_URL).post('/api/v1/blacklists', body).times(3),
			keys,
			201,
			created,
		);
		const first = await runNode({ parameters, executionId: 'exec-1' });
		const again = await runNode({ parameters, executionId: 'exec-1' });
		const other = await runNode({ parameters, executionId: 'exec-2' });
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		expect(again.items).toEqual(first.items);
		expect(other.error).toBeUndefined();
		expect(keys[0]).toMatch(DERIVED_KEY);
		expect(keys[1]).toBe(keys[0]); // same execution, item and body
		expect(keys[2]).not.toBe(keys[0]); // another execution
		expect(scope.isDone()).toBe(true);
	});

	it('gives each item its own key, and sends the user key when one is set', async () => {
		const keys: string[] = [];
		const scope = recordKeys(
			nock(BASE_URL).post('/api/v1/blacklists', { name: 'Same' }).times(2),
			keys,
			201,
			{ id: 'x' },
		);
		const { items } = await runNode({
			parameters: blacklist('create', { name: 'Same' }),
			input: [{}, {}],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(keys[0]).not.toBe(keys[1]);
		expect(scope.isDone()).toBe(true);

		const own = nock(BASE_URL)
			.post('/api/v1/blacklists', { name: 'Mine' })
			.matchHeader('idempotency-key', 'my-key-1')
			.reply(201, { id: 'y' });
		const result = await runNode({
			parameters: blacklist('create', { name: 'Mine', options: { idempotencyKey: 'my-key-1' } }),
		});
		expect(result.error).toBeUndefined();
		expect(own.isDone()).toBe(true);
	});

	it('refuses an empty name without sending anything', async () => {
		const scope = nock(BASE_URL).post('/api/v1/blacklists').reply(201, {});
		const pending = nock.pendingMocks();
		const { error, items } = await runNode({ parameters: blacklist('create', { name: '  ' }) });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Name: is empty [item 0]');
		expect(error?.description).toBe('Every blacklist needs a name.');
		expectNothingSent({ scope, pending });
	});

	it('refuses Additional Body Fields that are not a JSON object', async () => {
		const scope = nock(BASE_URL).post('/api/v1/blacklists').reply(201, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('create', { name: 'A', options: { additionalBodyFields: '[1]' } }),
		});
		expect(error?.message).toBe('Additional Body Fields: must be a JSON object [item 0]');
		expectNothingSent({ scope, pending });
	});
});
