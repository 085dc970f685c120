/**
 * Blacklist > Create and Add Entries when the answer is lost after the server acted: nothing is
 * sent again (the API does not promise to deduplicate these requests); the node checks what the
 * server holds and reports it flagged `reconciled: true`, or the outcome-unknown error.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { FaultRule } from '../../../simulator/server.mjs';
import { runNode } from '../../helpers/engine';
import { byId, processed, received, useSimulator } from '../../helpers/simulator';

const CREATE = 'POST /api/v1/blacklists';
const ADD = 'POST /api/v1/blacklists/{blacklist_id}/entries';

const afterApply: Array<[string, FaultRule]> = [
	['a 500 after the server acted', { kind: 'statusAfterApply', times: 1 }],
	['a reset after the server acted', { kind: 'resetAfterApply', times: 1 }],
	['no answer, then a dropped connection', { kind: 'timeoutAfterApply', delayMs: 300, times: 1 }],
];

const fixture = useSimulator({ seed: 9, searches: 1, clockOffsetMs: -86_400_000 });
let executions = 0;
const run = async (options: Parameters<typeof runNode>[0]) =>
	await runNode({
		...options,
		credentials: fixture.credentials,
		executionId: `blacklist-reconcile-${++executions}`,
	});
const blacklists = () => [...fixture.sim.state.blacklists.values()] as IDataObject[];
const entriesOf = (id: string) =>
	(fixture.sim.state.blacklistEntries.get(id) ?? []) as IDataObject[];

describe('Blacklist > Create', () => {
	it.each(afterApply)(
		'after %s: not resent, the new blacklist is returned, 0 duplicates',
		async (_, fault) => {
			const name = `Lost answer ${fault.kind}`;
			const before = blacklists().length;
			fixture.sim.setFaults([{ ...fault, match: { route: CREATE } }]);
			const { items, error } = await run({
				parameters: { resource: 'blacklist', operation: 'create', name, description: 'Kept' },
			});
			expect(error).toBeUndefined();
			expect(received(fixture.sim, CREATE)).toBe(1);
			expect(processed(fixture.sim, CREATE)).toBe(1);
			expect(blacklists()).toHaveLength(before + 1);
			const created = blacklists().find((blacklist) => blacklist.name === name);
			expect(items).toEqual([
				{
					json: expect.objectContaining({ id: created?.id, name, reconciled: true }),
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	it('when nothing was created: outcome unknown, saying what was checked', async () => {
		const before = blacklists().length;
		fixture.sim.setFaults([{ kind: 'status', status: 502, match: { route: CREATE } }]);
		const { error } = await run({
			parameters: { resource: 'blacklist', operation: 'create', name: 'Never created' },
		});
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toContain('Checked for it afterwards: no blacklist created since');
		expect(blacklists()).toHaveLength(before);
	});
});

describe('Blacklist > Add Entries', () => {
	const target = () => blacklists()[0].id as string;
	const parameters = () => ({
		resource: 'blacklist',
		operation: 'addEntries',
		blacklistId: byId(target()),
		source: 'fields',
	});

	it.each(afterApply)(
		'after %s: not resent, reported added, 0 duplicate entries',
		async (_, fault) => {
			const before = entriesOf(target()).length;
			const input = [
				{ company_name: `Delta ${fault.kind}`, website_url: `https://delta-${fault.kind}.example` },
				{ company_name: `Echo ${fault.kind}`, city: 'Berlin' },
			];
			fixture.sim.setFaults([{ ...fault, match: { route: ADD } }]);
			const { items, error } = await run({ parameters: parameters(), input });
			expect(error).toBeUndefined();
			expect(received(fixture.sim, ADD)).toBe(1);
			expect(entriesOf(target())).toHaveLength(before + 2);
			expect(items).toEqual([
				{
					json: expect.objectContaining({ reconciled: true, entries_found: 2, entries_sent: 2 }),
					pairedItem: [{ item: 0 }, { item: 1 }],
				},
			]);
		},
	);

	it('when the entries are not there: outcome unknown, saying how many were found', async () => {
		const before = entriesOf(target()).length;
		fixture.sim.setFaults([{ kind: 'status', status: 503, match: { route: ADD } }]);
		const { error } = await run({
			parameters: parameters(),
			input: [{ company_name: 'Foxtrot', website_url: 'https://foxtrot.example' }],
		});
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toContain(
			'Checked for it afterwards: 0 of the 1 entries of this request are in the blacklist.',
		);
		expect(entriesOf(target())).toHaveLength(before);
	});
});
