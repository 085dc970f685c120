import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { BLACKLIST, blacklist, PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Delete', () => {
	it('DELETEs the blacklist and returns { deleted: true, id }', async () => {
		const scope = nock(BASE_URL).delete(PATH).reply(204);
		const { items, error } = await runNode({
			parameters: blacklist('deleteBlacklist', { blacklistId: locator(BLACKLIST) }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: BLACKLIST }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});
});
