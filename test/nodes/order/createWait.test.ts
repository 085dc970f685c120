import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { api, expectNothingSent, trap } from '../../helpers/api';
import { START, useFakeClock } from '../../helpers/clock';
import { runNode } from '../../helpers/engine';
import { realSleep as reallySleep, sleepMock } from '../../helpers/sleepMock';
import {
	create,
	discovery,
	order,
	ORDER_ID,
	ORDER_PATH,
	result,
	RESULTS_PATH,
	statusSequence,
	waiting,
} from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
useFakeClock(sleepMock);

// A real wait, for the cancellation test.
const realSleep = { sleep: reallySleep };

const elapsedMs = () => Date.now() - START;

const HINT = 'use the OpenProspect Trigger (Order Finished) for long jobs';

describe('Order > Create: Wait for Completion', () => {
	it('polls GET /orders/{id} every Poll Interval until COMPLETED and outputs the order', async () => {
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(
			scope,
			[200, order('ACCEPTED')],
			[200, order('IN_PROGRESS')],
			[200, order('COMPLETED')],
		);
		const { items, error } = await runNode({ parameters: discovery(waiting()) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: order('COMPLETED'), pairedItem: { item: 0 } }]);
		expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST /api/v1/orders',
			`GET ${ORDER_PATH}`,
			`GET ${ORDER_PATH}`,
			`GET ${ORDER_PATH}`,
		]);
		expect(elapsedMs()).toBe(10_000 + 10_000 + 10_000);
		expect(scope.isDone()).toBe(true);
	});

	it('Output = Results: fetches every page of results, one item per company', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('COMPLETED')]);
		const all = Array.from({ length: 130 }, (_, i) => result(i));
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: all.slice(0, 100), total: 130, has_more: true })
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '100' })
			.reply(200, { items: all.slice(100), total: 130, has_more: false });
		const { items, error } = await runNode({
			parameters: discovery(waiting({ output: 'results' })),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(items[129]).toEqual({ json: all[129], pairedItem: { item: 0 } });
		expect(scope.isDone()).toBe(true);
	});

	it('REJECTED: a NodeApiError with the status and the reason; nothing else is fetched', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [
			200,
			order('REJECTED', { status_message: 'Briefing quantity exceeds the monthly allowance' }),
		]);
		const { items, error } = await runNode({
			parameters: discovery(waiting({ output: 'results' })),
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Order ord-1 ended REJECTED: Briefing quantity exceeds the monthly allowance',
		);
		expect(error?.description).toContain('did not approve the order');
		expect(error?.description).toContain('Reason: Briefing quantity exceeds the monthly allowance');
		expect(error?.httpCode ?? null).toBeNull();
		expect(scope.isDone()).toBe(true);
	});

	it.each([
		['rejection_reason', 'REJECTED'],
		['reason', 'FAILED'],
		['message', 'CANCELLED'],
	])(
		'reads the reason from %s (%s) and becomes an error item under Continue On Fail',
		async (field, status) => {
			const { scope } = api();
			scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
			statusSequence(scope, [200, order(status, { [field]: 'Because.' })]);
			const { items, error } = await runNode({
				parameters: discovery(waiting()),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toBe(`Order ord-1 ended ${status}: Because.`);
			expect(items[0].error?.description).toContain(`Status: ${status}`);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(scope.isDone()).toBe(true);
		},
	);

	it('Input Items under Continue On Fail: a REJECTED order gives an error item for every input', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('REJECTED')]);
		const { items, error } = await runNode({
			parameters: create({ orderType: 'enrichment', companySource: 'inputItems', ...waiting() }),
			input: [{ company_name: 'A' }, { company_name: 'B' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Order ord-1 ended REJECTED', { item: 0 }],
			['Order ord-1 ended REJECTED', { item: 1 }],
		]);
		expect(items[0].error?.description).toContain('OpenProspect gave no reason.');
		expect(scope.isDone()).toBe(true);
	});

	it('timeout with Return Last Status: an item with order_id, status, timed_out and the hint', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(6).reply(200, order('ACCEPTED'));
		const { items, error } = await runNode({
			parameters: discovery(waiting({ maxWait: 60, onTimeout: 'returnLastStatus' })),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { order_id: ORDER_ID, status: 'ACCEPTED', timed_out: true, hint: HINT },
				pairedItem: { item: 0 },
			},
		]);
		// A poll every 10 s; the last one at the 60 s deadline.
		expect(elapsedMs()).toBe(60_000);
		expect(scope.isDone()).toBe(true);
	});

	it('timeout with Error: fails, saying the order exists and goes on', async () => {
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(6).reply(200, order('IN_PROGRESS'));
		const { error } = await runNode({
			parameters: discovery(waiting({ maxWait: 60, onTimeout: 'error' })),
		});
		expect(error?.message).toBe(
			'Order ord-1 did not finish within 60 s (last status: IN_PROGRESS)',
		);
		expect(error?.description).toBe(
			`Order ord-1 was created and goes on (last status: IN_PROGRESS); ${HINT}.`,
		);
		expect(scope.isDone()).toBe(true);
	});

	it('tolerates a 404 right after creation (grace period), then succeeds', async () => {
		const notFound = { code: 'ORDER_NOT_FOUND', message: 'Order not found' };
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [404, notFound], [200, order('COMPLETED')]);
		const { items, error } = await runNode({ parameters: discovery(waiting({ pollInterval: 5 })) });
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('COMPLETED');
		expect(scope.isDone()).toBe(true);
	});

	it('a 404 after the grace period is an error', async () => {
		const notFound = { code: 'ORDER_NOT_FOUND', message: 'Order not found' };
		const { scope } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('ACCEPTED')], [404, notFound]);
		const { error } = await runNode({ parameters: discovery(waiting()) });
		expect(error?.message).toBe('Order not found');
		expect(error?.httpCode).toBe('404');
		expect(scope.isDone()).toBe(true);
	});

	it('stops promptly when the execution is cancelled', async () => {
		const controller = new AbortController();
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		scope.get(ORDER_PATH).times(50).reply(200, order('ACCEPTED'));
		let sleptAfterAbort = 0;
		sleepMock.mockImplementation(async (ms: number) => {
			if (controller.signal.aborted) sleptAfterAbort++;
			vi.setSystemTime(Date.now() + ms);
			if (elapsedMs() >= 30_000) controller.abort(); // the user stops the execution
		});
		const { run } = await runNode({
			parameters: discovery(waiting({ maxWait: 3600 })),
			abortSignal: controller.signal,
		});
		await realSleep.sleep(50); // give a wait that ignored the abort time to poll again
		expect(run.status).toBe('canceled');
		const polls = seen.filter((request) => request.method === 'GET').length;
		expect(polls).toBe(2); // at 10 s and at 20 s; the pause that reached 30 s was the last
		expect(sleptAfterAbort).toBe(0);
		expect(scope.isDone()).toBe(false);
	});

	it('re-pairs shuffled results to their input items and merges the chosen input fields', async () => {
		const inputs = [
			{ company_name: 'Acme', crm_id: 'CRM-1', owner: 'ann' },
			{ company_name: 'Beta', crm_id: 'CRM-2', owner: 'bob' },
			{ company_name: 'Gamma', crm_id: 'CRM-3', owner: 'cid' },
		];
		const { scope, seen } = api();
		scope.post('/api/v1/orders').reply(201, order('RECEIVED'));
		statusSequence(scope, [200, order('COMPLETED')]);
		const results = [result(3, 'CRM-3'), result(1, 'CRM-1'), result(9, null), result(2, 'CRM-2')];
		scope
			.get(RESULTS_PATH)
			.query({ limit: '100', offset: '0' })
			.reply(200, { items: results, total: 4, has_more: false });
		const { items, error } = await runNode({
			parameters: create({
				orderType: 'enrichment',
				companySource: 'inputItems',
				externalId: '={{ $json.crm_id }}',
				...waiting({ output: 'results' }),
				options: { mergeInputFields: 'owner, crm_id' },
			}),
			input: inputs,
		});
		expect(error).toBeUndefined();
		expect((seen[0].body as IDataObject).companies).toEqual([
			{ company_name: 'Acme', external_id: 'CRM-1' },
			{ company_name: 'Beta', external_id: 'CRM-2' },
			{ company_name: 'Gamma', external_id: 'CRM-3' },
		]);
		expect(items).toEqual([
			{
				json: { ...results[0], input: { owner: 'cid', crm_id: 'CRM-3' } },
				pairedItem: { item: 2 },
			},
			{
				json: { ...results[1], input: { owner: 'ann', crm_id: 'CRM-1' } },
				pairedItem: { item: 0 },
			},
			{ json: results[2], pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] },
			{
				json: { ...results[3], input: { owner: 'bob', crm_id: 'CRM-2' } },
				pairedItem: { item: 1 },
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a Max Wait below one second before sending anything', async () => {
		const trapped = trap();
		const { error } = await runNode({ parameters: discovery(waiting({ maxWait: 0 })) });
		expect(error?.message).toBe(
			'Max Wait (Seconds): must be a number of seconds from 1 to 86400, got 0 [item 0]',
		);
		expectNothingSent(trapped);
	});
});
