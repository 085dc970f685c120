import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { BLACKLIST, blacklist, PATH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Blacklist > Delete Entries', () => {
	const ENTRIES = `${PATH}/entries`;

	it('DELETEs the comma-separated IDs in the JSON body', async () => {
		const scope = nock(BASE_URL)
			.delete(ENTRIES, { entry_ids: ['e-1', 'e-2'] })
			.reply(200, { deleted: 2 });
		const { items, error } = await runNode({
			parameters: blacklist('deleteEntries', {
				blacklistId: locator(BLACKLIST),
				entryIds: ' e-1, e-2, e-1, ',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, deleted_count: 2 }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('takes the IDs from an array expression, and copes with an empty 204', async () => {
		const scope = nock(BASE_URL)
			.delete(ENTRIES, { entry_ids: ['e-7', 'e-8'] })
			.reply(204);
		const { items, error } = await runNode({
			parameters: blacklist('deleteEntries', {
				blacklistId: locator(BLACKLIST),
				entryIds: '={{ $json.ids }}',
			}),
			input: [{ ids: ['e-7', 'e-8'] }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty ID list without sending anything', async () => {
		const scope = nock(BASE_URL).delete(ENTRIES).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: blacklist('deleteEntries', { blacklistId: locator(BLACKLIST), entryIds: ' , ' }),
		});
		expect(error?.message).toBe('Entry IDs: is empty [item 0]');
		expectNothingSent({ scope, pending });
	});
});
