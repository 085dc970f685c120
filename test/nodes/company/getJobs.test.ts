import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { runNode } from '../../helpers/engine';
import { CO, single } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Company > Get Jobs', () => {
	const job = (index: number) => ({ id: `j-${index}`, title: `Job ${index}` });
	const jobs = (from: number, count: number) =>
		Array.from({ length: count }, (_, offset) => job(from + offset));

	it('a list envelope becomes one item per job (first request without paging parameters)', async () => {
		const { scope, seen } = api();
		scope
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({})
			.reply(200, { items: jobs(0, 3), total: 3 });
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(jobs(0, 3).map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(seen).toEqual([{ method: 'GET', path: `/api/v1/companies/${CO}/jobs`, body: '' }]);
		expect(scope.isDone()).toBe(true);
	});

	it('applies Limit to an unpaginated list', async () => {
		const { scope } = api();
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, [job(0), job(1), job(2)]);
		const { items } = await runNode({ parameters: single('getJobs', { limit: 2 }) });
		expect(items.map((item) => item.json.id)).toEqual(['j-0', 'j-1']);
		expect(scope.isDone()).toBe(true);
	});

	it('an object that is not a list passes through as one item', async () => {
		const { scope } = api();
		const body = { company_id: CO, jobs: [job(0)], departments: ['Sales'] };
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, body);
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('a paginated answer (has_more) is read page by page when more jobs are wanted', async () => {
		const { scope, seen } = api();
		scope
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({})
			.reply(200, { items: jobs(0, 50), total: 130, has_more: true })
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: jobs(0, 100), total: 130, has_more: true })
			.get(`/api/v1/companies/${CO}/jobs`)
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: jobs(100, 30), total: 130, has_more: false });
		const { items, error } = await runNode({ parameters: single('getJobs', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: job(129), pairedItem: { item: 0 } });
		expect(seen).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
	});

	it('does not read further pages when the first one already holds the Limit', async () => {
		const { scope, seen } = api();
		scope.get(`/api/v1/companies/${CO}/jobs`).reply(200, { items: jobs(0, 50), has_more: true });
		const { items } = await runNode({ parameters: single('getJobs', { limit: 20 }) });
		expect(items).toHaveLength(20);
		expect(seen).toHaveLength(1);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses Limit 0 and sends nothing', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: single('getJobs', { limit: '={{ 0 }}' }) });
		expect(error?.message).toBe('Limit: must be a whole number from 1 to 100000, got 0 [item 0]');
		expectNothingSent(trapped);
	});
});
