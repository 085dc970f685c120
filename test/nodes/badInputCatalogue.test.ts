/**
 * The bad-input catalogue is split by resource (test/nodes/<resource>/badInput.test.ts, built with
 * test/helpers/badInput.ts). Here: every resource with parameters has one, and together they keep
 * at least 30 cases.
 */
import { describe, expect, it } from 'vitest';

import { registry } from '../../nodes/OpenProspect/actions/registry';
import type { OperationEntry } from '../../nodes/OpenProspect/actions/resource';
import { readRepoFile } from '../helpers/files.mjs';

const withParameters = Object.entries(registry)
	.filter(([, definition]) =>
		Object.values(definition.operations as Record<string, OperationEntry>).some(
			(entry) => entry.module.description.length > 0,
		),
	)
	.map(([resource]) => resource);

describe('bad input is refused before anything is sent, naming the parameter and the item', () => {
	it('covers every resource with at least 30 cases', () => {
		expect(withParameters).toEqual(
			expect.arrayContaining([
				'company',
				'delivery',
				'prospect',
				'prospectSearch',
				'blacklist',
				'order',
				'searchProfile',
			]),
		);
		let cases = 0;
		for (const resource of withParameters) {
			const text = readRepoFile(`test/nodes/${resource}/badInput.test.ts`);
			const own = text.match(/^\t\tparameters: /gm) ?? [];
			expect(text, `${resource}: no describeBadInput catalogue`).toContain('describeBadInput(');
			expect(own.length, `${resource}: no bad-input case`).toBeGreaterThan(0);
			cases += own.length;
		}
		expect(cases).toBeGreaterThanOrEqual(30);
	});
});
