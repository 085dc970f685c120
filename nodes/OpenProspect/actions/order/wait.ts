/**
 * "Wait for Completion" for Order > Create and Search Profile > Create: the parameters, and the
 * n8n side of the pure polling loop in helpers/waitForCompletion.ts (real clock, n8n's sleep, the
 * execution's cancel signal).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecord } from '../../helpers/params';
import { sleepUnlessCancelled } from '../../helpers/sleep';
import { invalidParameter } from '../../helpers/validation';
import { waitForCompletion } from '../../helpers/waitForCompletion';
import { apiRequest } from '../../transport';

/** Waits between polls grow up to this (or the Poll Interval, when that is longer). */
export const MAX_POLL_INTERVAL_MS = 60_000;
/** Right after a create, a GET may not find the new record yet: 404s are tolerated this long. */
export const NOT_FOUND_GRACE_MS = 15_000;
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
			description: `Whether to keep polling ${what} until it finishes (with growing pauses, up to Max Wait) instead of returning right after it was created`,
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: 300,
			description: `How long to wait at most, for each item in turn. Keep it below your n8n execution timeout. ${timeoutHint}`,
			displayOptions: waiting,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description:
				'Pause before the first status check; each further pause is 1.5 times longer, up to 60 seconds',
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
	return seconds;
}

/** The wait settings, or undefined when Wait for Completion is off. Checked before any request. */
export function readWaitSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): WaitSettings | undefined {
	if (!(context.getNodeParameter('waitForCompletion', itemIndex, false) as boolean))
		return undefined;
	const onTimeout = context.getNodeParameter('onTimeout', itemIndex, 'returnLastStatus');
	return {
		maxWaitMs: readSeconds(context, itemIndex, 'maxWait', 'Max Wait (Seconds)', 300) * 1000,
		intervalMs:
			readSeconds(context, itemIndex, 'pollInterval', 'Poll Interval (Seconds)', 10) * 1000,
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

/**
 * Polls `job.path` until a terminal status or Max Wait. A cancelled execution, or a timeout with
 * On Timeout = Error, throws an error that says the job exists, so nobody creates it twice.
 */
export async function waitForJob(context: IExecuteFunctions, job: Job): Promise<JobResult> {
	const signal = context.getExecutionCancelSignal();
	const terminal = new Set(job.terminalStatuses);
	const { outcome, last } = await waitForCompletion<IDataObject>({
		getStatus: async () =>
			asRecord(
				await apiRequest.call(context, { method: 'GET', path: job.path, itemIndex: job.itemIndex }),
			),
		now: () => Date.now(),
		sleep: async (ms) => await sleepUnlessCancelled(ms, signal),
		isCancelled: () => signal?.aborted === true,
		terminal: (record) => terminal.has(statusOf(record)),
		maxWaitMs: job.settings.maxWaitMs,
		intervalMs: job.settings.intervalMs,
		maxIntervalMs: Math.max(MAX_POLL_INTERVAL_MS, job.settings.intervalMs),
		notFoundGraceMs: NOT_FOUND_GRACE_MS,
		initial: job.initial,
	});
	if (outcome === 'terminal' && last) return { finished: last };
	const status = statusOf(last ?? job.initial) || 'unknown';
	const stillRunning = `${job.label} was created and goes on (last status: ${status}); ${job.hint}.`;
	if (outcome === 'cancelled') {
		throw new NodeOperationError(context.getNode(), 'The execution was cancelled while waiting', {
			itemIndex: job.itemIndex,
			description: stillRunning,
		});
	}
	if (job.settings.onTimeout === 'error') {
		const seconds = Math.round(job.settings.maxWaitMs / 1000);
		throw new NodeOperationError(
			context.getNode(),
			`${job.label} did not finish within ${seconds} s (last status: ${status})`,
			{ itemIndex: job.itemIndex, description: stillRunning },
		);
	}
	return { timedOut: { [job.idField]: job.id, status, timed_out: true, hint: job.hint } };
}
