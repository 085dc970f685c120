import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectNothingSent, locator } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/engine';
import { PATH, prospectSearch, SEARCH } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Prospect Search > Update', () => {
	it('reads the current version first, then PATCHes with a computed update mask', async () => {
		const updated = {
			id: SEARCH,
			name: 'New name',
			ideal_customer_profile: 'B2B SaaS in DACH',
			version: 8,
			stripped_fields: [],
		};
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(200, { id: SEARCH, version: 7 })
			.patch(PATH, {
				version: 7,
				update_mask: ['ideal_customer_profile', 'name'],
				ideal_customer_profile: 'B2B SaaS in DACH',
				name: 'New name',
			})
			.reply(200, updated);
		const { items, error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				updateFields: { name: ' New name ', idealCustomerProfile: 'B2B SaaS in DACH' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('sends a given Version and the user’s update mask, passing stripped_fields through', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { version: 3, update_mask: ['name', 'search_keywords'], name: 'Renamed' })
			.reply(200, { id: SEARCH, version: 4, stripped_fields: ['search_keywords'] });
		const { items, error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 3,
				updateFields: { name: 'Renamed' },
				options: { updateMask: 'name, search_keywords' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: SEARCH, version: 4, stripped_fields: ['search_keywords'] });
		expect(scope.isDone()).toBe(true);
	});

	it('explains a 409 version conflict in terms of the node’s parameters', async () => {
		const scope = nock(BASE_URL)
			.patch(PATH, { version: 2, update_mask: ['name'], name: 'X' })
			.reply(409, {
				code: 'VERSION_CONFLICT',
				message: `Prospect search ${SEARCH} is at version 5, not 2; fetch it again and retry`,
			});
		const { error } = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 2,
				updateFields: { name: 'X' },
			}),
		});
		expect(error?.httpCode).toBe('409');
		expect(error?.message).toBe(
			`Prospect search ${SEARCH} is at version 5, not 2; fetch it again and retry`,
		);
		expect(error?.description).toMatch(
			/^Version 2 is not the current version of the prospect search \(optimistic locking\)\. Turn on Use Current Version/,
		);
		expect(error?.description).toContain('Code: VERSION_CONFLICT');
		expect(scope.isDone()).toBe(true);
	});

	it('refuses an empty update without sending anything (not even the version read)', async () => {
		const scope = nock(BASE_URL).get(PATH).reply(200, { version: 1 }).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const { error } = await runNode({
			parameters: prospectSearch('update', { prospectSearchId: locator(SEARCH), updateFields: {} }),
		});
		expect(error?.message).toBe('Update Fields: nothing to update [item 0]');
		expect(error?.description).toBe('Add Name and/or Ideal Customer Profile under Update Fields.');
		expectNothingSent({ scope, pending });
	});

	it('refuses an empty name and a Version that is not a whole number without sending anything', async () => {
		const scope = nock(BASE_URL).get(PATH).reply(200, { version: 1 }).patch(PATH).reply(200, {});
		const pending = nock.pendingMocks();
		const empty = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				updateFields: { name: ' ' },
			}),
		});
		expect(empty.error?.message).toBe('Name: is empty [item 0]');
		const fractional = await runNode({
			parameters: prospectSearch('update', {
				prospectSearchId: locator(SEARCH),
				useCurrentVersion: false,
				version: 1.5,
				updateFields: { name: 'A' },
			}),
		});
		expect(fractional.error?.message).toBe('Version: must be a whole number of 0 or more [item 0]');
		expectNothingSent({ scope, pending });
	});
});
