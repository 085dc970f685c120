import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { sleepMock } from '../../helpers/sleepMock';
import { creation, CREATION_ID, CREATION_PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

describe('Search Profile > Get', () => {
	it('GET /api/v1/search-profile-creations/{id}', async () => {
		const { scope, seen } = api();
		scope.get(CREATION_PATH).reply(200, creation('SUCCEEDED', { profile_id: 'prof-9' }));
		const { items, error } = await runNode({
			parameters: {
				resource: 'searchProfile',
				operation: 'get',
				profileCreationId: ` ${CREATION_ID} `,
			},
		});
		expect(error).toBeUndefined();
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET ${CREATION_PATH}`]);
		expect(items).toEqual([
			{ json: creation('SUCCEEDED', { profile_id: 'prof-9' }), pairedItem: { item: 0 } },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty ID (e.g. from an expression) before sending anything', async () => {
		const trapped = trap();
		const { error } = await runNode({
			parameters: { resource: 'searchProfile', operation: 'get', profileCreationId: '={{ "  " }}' },
		});
		expect(error?.message).toBe('Profile Creation ID: is empty [item 0]');
		expectNothingSent(trapped);
	});
});
