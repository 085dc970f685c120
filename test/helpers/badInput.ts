/**
 * The bad-input catalogue, one table per resource (test/nodes/<resource>/badInput.test.ts): parameters
 * a user or an AI agent may get wrong. Each is refused before anything is sent (the simulator counts
 * zero requests), with a message that starts with the parameter's name and ends with the item, e.g.
 * `Limit: … [item 0]`.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runNode } from './engine';
import type { SimulatorFixture } from './simulator';

export const SEARCH = '550e8400-e29b-41d4-a716-446655440000';
export const COMPANY = '7f3e8c90-1234-5678-9abc-def012345678';

/**
 * A value taken from the input item. n8n itself refuses a workflow whose literal required value is
 * empty or fails a By ID pattern (see `refusedByN8n`); values from expressions, e.g. filled in by an
 * AI agent or an earlier node, reach the node's own checks.
 */
export const FROM_ITEM = '={{ $json.value }}';

export interface BadInput {
	parameters: INodeParameters;
	input?: IDataObject[];
	/** The parameter the message must start with. */
	parameter: string;
	/** What the message must say about it. */
	problem: RegExp;
	/** The input item the message must name (default 0). */
	item?: number;
}

/** Additional Query Parameters setting `name`. */
export const query = (name: string) => ({ queryParameters: { parameter: [{ name, value: '5' }] } });

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One test per case: no output, the message names parameter, problem and item, nothing sent. */
export function describeBadInput(fixture: SimulatorFixture, catalogue: Record<string, BadInput>) {
	describe('bad input is refused before anything is sent, naming the parameter and the item', () => {
		it.each(Object.entries(catalogue))('%s', async (_, entry) => {
			const { items, error } = await runNode({
				parameters: entry.parameters,
				input: entry.input,
				credentials: fixture.credentials,
			});
			expect(items).toEqual([]);
			expect(error?.message).toMatch(new RegExp(`^${escapeRegExp(entry.parameter)}: `));
			expect(error?.message).toMatch(entry.problem);
			expect(error?.message).toMatch(new RegExp(` \\[item ${entry.item ?? 0}\\]$`));
			expect(fixture.sim.counters.total).toBe(0);
		});
	});
}

/** Literal values n8n itself refuses before the node runs: `[name, parameters, message]`. */
export function describeRefusedByN8n(
	fixture: SimulatorFixture,
	cases: Array<[string, INodeParameters, RegExp]>,
) {
	describe('literal values n8n itself refuses before the node runs', () => {
		it.each(cases)('%s', async (_, parameters, message) => {
			await expect(runNode({ parameters, credentials: fixture.credentials })).rejects.toThrow(
				message,
			);
			expect(fixture.sim.counters.total).toBe(0);
		});
	});
}
