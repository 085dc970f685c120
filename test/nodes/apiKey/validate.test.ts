import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { API_KEY, BASE_URL, runNode } from '../../helpers/engine';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('API Key > Validate', () => {
	it('GET /api/v1/auth/validate returns the valid flag and scopes, paired to the input', async () => {
		const scope = nock(BASE_URL)
			.get('/api/v1/auth/validate')
			.matchHeader('authorization', `Bearer ${API_KEY}`)
			.reply(200, { valid: true, scopes: ['orders:read', 'orders:write'] });
		const { items, error } = await runNode({
			parameters: { resource: 'apiKey', operation: 'validate' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { valid: true, scopes: ['orders:read', 'orders:write'] }, pairedItem: { item: 0 } },
		]);
		expect(scope.isDone()).toBe(true);
	});
});
