// Self-check: Blacklists, their entries and their assignment to searches.
import assert from 'node:assert/strict';

import { V1, assertError } from './assert.mjs';

export async function checkBlacklists(sim, api) {
	const list = await api('GET', `${V1}/blacklists`);
	assert.equal(list.body.total, 2);
	const seeded = list.body.items[0];
	assert.equal(seeded.entry_count, 5);

	const createdRes = await api('POST', `${V1}/blacklists`, { body: { name: 'Partners', description: 'Do not contact' } });
	assert.equal(createdRes.status, 201);
	const blacklist = createdRes.body;
	assert.equal(blacklist.entry_count, 0);
	assertError(await api('POST', `${V1}/blacklists`, { body: { description: 'no name' } }), 422, 'VALIDATION_ERROR');
	assert.equal((await api('GET', `${V1}/blacklists/${blacklist.id}`)).body.name, 'Partners');
	const renamed = await api('PATCH', `${V1}/blacklists/${blacklist.id}`, { body: { name: 'Partners 2026' } });
	assert.equal(renamed.body.name, 'Partners 2026');
	assert.equal(renamed.body.description, 'Do not contact');

	const entries = [{ company_name: 'Acme', website_url: 'https://acme.example' }, { website_url: 'http://www.acme.example/about' }, { external_id: 'CRM-1' }, { company_name: 'Solo', city: 'Berlin' }];
	const addedRes = await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries } });
	assert.equal(addedRes.status, 201);
	assert.deepEqual(addedRes.body, { added: 3, skipped_duplicates: 1, total_entries: 3 });
	const tooMany = await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries: Array.from({ length: 10_001 }, (_, i) => ({ external_id: `X${i}` })) } });
	assertError(tooMany, 422, 'VALIDATION_ERROR');
	assertError(await api('POST', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entries: [{ city: 'Berlin' }] } }), 422, 'VALIDATION_ERROR');
	const entryPage = await api('GET', `${V1}/blacklists/${blacklist.id}/entries?limit=2`);
	assert.equal(entryPage.body.total, 3);
	assert.equal(entryPage.body.has_more, true);
	const deleted = await api('DELETE', `${V1}/blacklists/${blacklist.id}/entries`, { body: { entry_ids: [entryPage.body.items[0].id, 'unknown'] } });
	assert.deepEqual(deleted.body, { deleted: 1 });

	const searchId = [...sim.state.prospectSearches.keys()][0];
	const companiesTotal = async () => (await api('GET', `${V1}/companies?prospect_search_id=${searchId}`)).body.total;
	const before = await companiesTotal();
	assertError(await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: ['nope'] } }), 422, 'VALIDATION_ERROR');
	const assigned = await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: [seeded.id, blacklist.id] } });
	assert.equal(assigned.status, 200);
	assert.deepEqual(assigned.body.blacklist_ids, [seeded.id, blacklist.id]);
	const assignedList = await api('GET', `${V1}/prospect-searches/${searchId}/blacklists`);
	assert.equal(assignedList.body.total, 2);
	assert.equal(await companiesTotal(), before - 3, 'assigned blacklist hides matching companies');
	await api('PUT', `${V1}/prospect-searches/${searchId}/blacklists`, { body: { blacklist_ids: [blacklist.id] } });
	assert.equal(await companiesTotal(), before);

	const removed = await api('DELETE', `${V1}/blacklists/${blacklist.id}`);
	assert.equal(removed.status, 204);
	assert.equal(removed.text, '');
	const gone = await api('GET', `${V1}/blacklists/${blacklist.id}`);
	assertError(gone, 404, 'BLACKLIST_NOT_FOUND');
	assert.equal(gone.body.entity_type, 'blacklist');
	assert.equal((await api('GET', `${V1}/prospect-searches/${searchId}/blacklists`)).body.total, 0);
}
