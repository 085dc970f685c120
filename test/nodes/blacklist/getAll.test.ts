import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { BASE_URL, runNode } from '../../helpers/engine';
import { blacklist } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Get Many', () => {
	it('Return All reads every page and passes the additional query parameters', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ id: `bl-${from + index}` }));
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists')
			.query({ limit: '100', offset: '0', owner: 'me' })
			.reply(200, { items: page(0, 100), total: 130, has_more: true })
			.get('/api/v1/blacklists')
			.query({ limit: '100', offset: '100', owner: 'me' })
			.reply(200, { items: page(100, 30), total: 130, has_more: false });
		const { items, error } = await runNode({
			parameters: blacklist('getAll', {
				returnAll: true,
				options: { queryParameters: { parameter: [{ name: 'owner', value: 'me' }] } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: { id: 'bl-129' }, pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('Limit asks for just that many', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/blacklists')
			.query({ limit: '3', offset: '0' })
			.reply(200, { items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], has_more: true });
		const { items } = await runNode({ parameters: blacklist('getAll', { limit: 3 }) });
		expect(items.map((item) => item.json.id)).toEqual(['a', 'b', 'c']);
		expect(scope.isDone()).toBe(true);
	});
});
