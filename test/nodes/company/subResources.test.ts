import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, locator, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { CO, single } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Company > sub-resources', () => {
	it.each([
		['getJobSummary', '/jobs/summary', { open_positions: 12, trend: 'growing' }],
		['getWebtechIntel', '/webtech-intel', { technologies: [{ name: 'React' }], cms: 'WordPress' }],
		['getWebtechIntelSummary', '/webtech-intel/summary', { categories: { analytics: 3 } }],
	])(
		'%s GETs /api/v1/companies/{id}%s and passes the body through',
		async (operation, suffix, body) => {
			const { scope, seen } = api();
			scope.get(`/api/v1/companies/${CO}${suffix}`).query({}).reply(200, body);
			const { items, error } = await runNode({ parameters: single(operation) });
			expect(error).toBeUndefined();
			expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
			expect(seen).toEqual([{ method: 'GET', path: `/api/v1/companies/${CO}${suffix}`, body: '' }]);
			expect(scope.isDone()).toBe(true);
		},
	);

	it.each(['getJobs', 'getJobSummary', 'getWebtechIntel', 'getWebtechIntelSummary'])(
		'%s refuses a malformed company UUID and sends nothing',
		async (operation) => {
			const trapped = trap();
			const { error } = await runNode({
				parameters: single(operation, { companyId: locator('={{ "123" }}') }),
			});
			expect(error?.message).toBe('Company: "123" is not a valid UUID [item 0]');
			expectNothingSent(trapped);
		},
	);
});
