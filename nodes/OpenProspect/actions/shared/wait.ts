/**
 * "Wait for Completion" for Order > Create and Search Profile > Create: the parameters, and the
 * n8n side of the pure polling loop in helpers/waitForCompletion.ts (real clock, n8n's sleep, the
 * execution's cancel signal). The jobs of all input items are waited for together.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asRecord } from '../../helpers/params';
import { sleepUnlessCancelled } from '../../helpers/sleep';
import { invalidParameter } from '../../helpers/validation';
import type { WaitOutcome } from '../../helpers/waitForCompletion';
import { waitForAll } from '../../helpers/waitForCompletion';
import { apiRequest } from '../../transport';
import { asError } from '../../helpers/json';

/** Right after a create, a GET may not find the new record yet: 404s are tolerated this long. */
const NOT_FOUND_GRACE_MS = 15_000;
/** From this long into a wait on, Long Wait Poll Interval applies. */
const SLOW_AFTER_MS = 10 * 60_000;
const MAX_WAIT_SECONDS = 86_400;

const waiting = { show: { waitForCompletion: [true] } };

/** The Wait for Completion switch and its settings; `what` names the job, e.g. "the order". */
export function waitProperties(what: string, timeoutHint: string): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description: `Whether to keep polling ${what} until it finishes (up to Max Wait) instead of returning right after it was created. With several input items, all are created first, then waited for together.`,
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: 300,
			description: `How long to wait at most, counted from when the waiting starts (all items are waited for at the same time). Keep it below your n8n execution timeout. ${timeoutHint}`,
			displayOptions: waiting,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description:
				'Pause between two status checks, so the node notices the end at most this long after it happened',
			displayOptions: waiting,
		},
		{
			displayName: 'Long Wait Poll Interval (Seconds)',
			name: 'longWaitPollInterval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'After 10 minutes of waiting, the pause between status checks becomes this long (when longer than Poll Interval), to save requests on long waits',
			displayOptions: waiting,
		},
		{
			displayName: 'On Timeout',
			name: 'onTimeout',
			type: 'options',
			options: [
				{
					name: 'Error',
					value: 'error',
					description: 'Fail the item (or output an error item when Continue On Fail is on)',
				},
				{
					name: 'Return Last Status',
					value: 'returnLastStatus',
					description: 'Output one item with the ID, the last status and timed_out: true',
				},
			],
			default: 'returnLastStatus',
			description: `What to do when ${what} has not finished within Max Wait`,
			displayOptions: waiting,
		},
	];
}

export interface WaitSettings {
	maxWaitMs: number;
	intervalMs: number;
	slowIntervalMs: number;
	onTimeout: 'error' | 'returnLastStatus';
}

function readSeconds(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	fallback: number,
): number {
	const raw = context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const seconds = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !(seconds >= 1 && seconds <= MAX_WAIT_SECONDS)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`must be a number of seconds from 1 to ${MAX_WAIT_SECONDS}, got ${JSON.stringify(raw)}`,
		);
	}
	return seconds * 1000;
}

/** The wait settings, or undefined when Wait for Completion is off. Checked before any request. */
export function readWaitSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): WaitSettings | undefined {
	if (!(context.getNodeParameter('waitForCompletion', itemIndex, false) as boolean))
		return undefined;
	const onTimeout = context.getNodeParameter('onTimeout', itemIndex, 'returnLastStatus');
	const seconds = (name: string, displayName: string, fallback: number) =>
		readSeconds(context, itemIndex, name, displayName, fallback);
	return {
		maxWaitMs: seconds('maxWait', 'Max Wait (Seconds)', 300),
		intervalMs: seconds('pollInterval', 'Poll Interval (Seconds)', 10),
		slowIntervalMs: seconds('longWaitPollInterval', 'Long Wait Poll Interval (Seconds)', 60),
		onTimeout: onTimeout === 'error' ? 'error' : 'returnLastStatus',
	};
}

export interface Job {
	/** GET path of the job, e.g. /api/v1/orders/{id}. */
	path: string;
	/** The record returned by the create request. */
	initial: IDataObject;
	terminalStatuses: string[];
	settings: WaitSettings;
	itemIndex: number;
	/** How the job is named in messages, e.g. "Order 3f6c…". */
	label: string;
	/** The ID field of the timed-out item, e.g. order_id. */
	idField: string;
	id: string;
	/** What to do about a job that is still running, e.g. "use the OpenProspect Trigger". */
	hint: string;
}

/** The finished record, or (On Timeout = Return Last Status) the item saying it timed out. */
export type JobResult = { finished: IDataObject } | { timedOut: IDataObject };

export function statusOf(record: IDataObject | undefined): string {
	return typeof record?.status === 'string' ? record.status.toUpperCase() : '';
}

/** "Order … was created and goes on (last status: …); <hint>." */
function stillRunning(job: Job, last: IDataObject | undefined): string {
	const status = statusOf(last ?? job.initial) || 'unknown';
	return `${job.label} was created and goes on (last status: ${status}); ${job.hint}.`;
}

/** Puts the "was created and goes on" note first in the description of an error from a poll. */
function withStillRunning(context: IExecuteFunctions, error: unknown, note: string, job: Job) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = [note, error.description].filter(Boolean).join('\n');
		return error;
	}
	return new NodeOperationError(context.getNode(), asError(error), {
		itemIndex: job.itemIndex,
		description: note,
	});
}

function toJobResult(
	context: IExecuteFunctions,
	job: Job,
	waited: WaitOutcome<IDataObject>,
	cancelled: boolean,
): JobResult | Error {
	if (waited.outcome === 'terminal' && waited.last) return { finished: waited.last };
	const note = stillRunning(job, waited.last);
	// A cancel that interrupts a status check surfaces as that request's error: same message.
	if (waited.outcome === 'cancelled' || cancelled) {
		return new NodeOperationError(context.getNode(), 'The execution was cancelled while waiting', {
			itemIndex: job.itemIndex,
			description: note,
		});
	}
	if (waited.outcome === 'error') return withStillRunning(context, waited.error, note, job);
	const status = statusOf(waited.last ?? job.initial) || 'unknown';
	if (job.settings.onTimeout === 'error') {
		const seconds = Math.round(job.settings.maxWaitMs / 1000);
		return new NodeOperationError(
			context.getNode(),
			`${job.label} did not finish within ${seconds} s (last status: ${status})`,
			{ itemIndex: job.itemIndex, description: note },
		);
	}
	return { timedOut: { [job.idField]: job.id, status, timed_out: true, hint: job.hint } };
}

/**
 * Polls every job until it reaches a terminal status or its Max Wait, all at the same time.
 * Returns, per job in order, its result or the error it ended with; every error after the create
 * says that the job exists and goes on, so nobody creates it twice.
 */
export async function waitForJobs(
	context: IExecuteFunctions,
	jobs: Job[],
): Promise<Array<JobResult | Error>> {
	const signal = context.getExecutionCancelSignal();
	const outcomes = await waitForAll<IDataObject>({
		targets: jobs.map((job) => ({
			getStatus: async () =>
				asRecord(
					await apiRequest.call(context, {
						method: 'GET',
						path: job.path,
						itemIndex: job.itemIndex,
					}),
				),
			initial: job.initial,
			terminal: (record) => job.terminalStatuses.includes(statusOf(record)),
			maxWaitMs: job.settings.maxWaitMs,
			intervalMs: job.settings.intervalMs,
			slowIntervalMs: job.settings.slowIntervalMs,
		})),
		now: () => Date.now(),
		sleep: async (ms) => await sleepUnlessCancelled(ms, signal),
		isCancelled: () => signal?.aborted === true,
		slowAfterMs: SLOW_AFTER_MS,
		notFoundGraceMs: NOT_FOUND_GRACE_MS,
	});
	return outcomes.map((waited, index) =>
		toJobResult(context, jobs[index], waited, signal?.aborted === true),
	);
}
