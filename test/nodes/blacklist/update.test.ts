import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { BLACKLIST, blacklist, PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Update', () => {
	it('PATCHes only the fields given', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { name: 'Renamed', description: '' })
			.reply(200, { id: BLACKLIST, name: 'Renamed', description: null });
		const { items, error } = await runNode({
			parameters: blacklist('update', {
				blacklistId: locator(BLACKLIST),
				updateFields: { name: 'Renamed', description: '' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: BLACKLIST, name: 'Renamed', description: null });
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an update with nothing to change without sending anything', async () => {
		const scope = nock(BASE_URL).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('update', { blacklistId: locator(BLACKLIST), updateFields: {} }),
		});
		expect(error?.message).toBe('Update Fields: nothing to update [item 0]');
		expect(error?.description).toBe('Add Name and/or Description under Update Fields.');
		expectNothingSent({ scope, pending });
	});

	it('refuses an empty new name without sending anything', async () => {
		const scope = nock(BASE_URL).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('update', {
				blacklistId: locator(BLACKLIST),
				updateFields: { name: '' },
			}),
		});
		expect(error?.message).toBe('Name: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});
