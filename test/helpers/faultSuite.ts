/**
 * The fault suite's shared set-up: the node against the local simulator with injected faults.
 * Deterministic: the simulator's fault probabilities come from its seed, and the transport's waits
 * are recorded, not waited. Everything the node produced or logged is kept, and each fault file
 * ends with `keyNeverLeaks`, which scans it for the API key.
 */
import { ExecuteContext } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { FaultRule } from '../../simulator/server.mjs';
import type { NodeRunResult } from './engine';
import { runNode } from './engine';
import type { SimulatorFixture } from './simulator';
import { useSimulator } from './simulator';
import { sleepMock } from './sleepMock';

/** A key no other string in the suite contains, so finding it anywhere is a leak. */
const LEAK_MARKER = ['lnc', 'test', 'FaultSuite', 'Marker', '7f3a9c2e5b1d'].join('_');

export interface FaultSuite {
	fixture: SimulatorFixture;
	/** Everything the node produced, scanned for the key by `keyNeverLeaks`. */
	evidence: unknown[];
	logLines: string[];
	/** Executions run so far (n8n numbers each run). */
	executions: number;
	/** Runs the node against the simulator, as a new execution each time. */
	run(options: Parameters<typeof runNode>[0]): Promise<NodeRunResult>;
}

/** Routes the log calls of every node context (ExecuteContext, PollContext) into `logLines`. */
function captureNodeLogs(logLines: string[]): void {
	let owner: object | null = ExecuteContext.prototype;
	while (owner && !Object.getOwnPropertyDescriptor(owner, 'logger')) {
		owner = Object.getPrototypeOf(owner) as object | null;
	}
	const record =
		(level: string) =>
		(message: unknown, meta?: unknown): void => {
			logLines.push(`${level} ${String(message)} ${JSON.stringify(meta ?? {})}`);
		};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		verbose: record('verbose'),
		scoped: () => logger,
	};
	if (owner) Object.defineProperty(owner, 'logger', { configurable: true, get: () => logger });
	LoggerProxy.init(logger);
}

export function useFaultSuite(): FaultSuite {
	const fixture = useSimulator({ seed: 20240611, keys: { all: LEAK_MARKER }, searches: 3 });
	const suite: FaultSuite = {
		fixture,
		evidence: [],
		logLines: [],
		executions: 0,
		async run(options) {
			const executionId = `fault-suite-${++suite.executions}`;
			const result = await runNode({ ...options, executionId, credentials: fixture.credentials });
			suite.evidence.push(result.run, result.error);
			return result;
		},
	};
	beforeAll(() => captureNodeLogs(suite.logLines));
	beforeEach(() => sleepMock.mockClear());
	return suite;
}

export const on = (route: string): FaultRule['match'] => ({ route });

export function firstSearchId(fixture: SimulatorFixture): string {
	return [...fixture.sim.state.prospectSearches.keys()][0];
}

export const firstBlacklistId = (fixture: SimulatorFixture): string =>
	[...fixture.sim.state.blacklists.keys()][0];

/** A clear error: a message and a description, and neither is a stack trace or an object dump. */
export function expectClearError(error: NodeRunResult['error']): void {
	expect(error).toBeDefined();
	const message = String(error?.message ?? '');
	const description = String(error?.description ?? '');
	expect(message.length).toBeGreaterThan(10);
	expect(description.length).toBeGreaterThan(10);
	for (const text of [message, description]) {
		expect(text).not.toMatch(/\n\s+at \S+ \(|\[object Object\]|\bundefined\b|^Error:/);
	}
}

/** Every string reachable from `value`, own non-enumerable properties (e.g. an error's) included. */
function textOf(value: unknown, seen = new Set<unknown>(), depth = 0): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object') return String(value);
	if (seen.has(value) || depth > 12) return '';
	seen.add(value);
	if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
	const parts: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		if (typeof child !== 'function') parts.push(key, textOf(child, seen, depth + 1));
	}
	return parts.join(' ');
}

/**
 * The last test of a fault file: the key appears nowhere in what the file's runs produced.
 * `minEvidence` keeps the scan from passing on nothing.
 */
export function keyNeverLeaks(suite: FaultSuite, minEvidence: number): void {
	describe('the API key', () => {
		it('appears in no error, output item, log line or request the simulator logged', () => {
			const { evidence, logLines, fixture } = suite;
			expect(evidence.length).toBeGreaterThanOrEqual(minEvidence);
			expect(logLines.some((line) => line.includes('retrying'))).toBe(true);
			const haystacks = [
				...evidence.map((entry) => textOf(entry)),
				...evidence.map((entry) => JSON.stringify(entry) ?? ''),
				logLines.join('\n'),
				JSON.stringify(fixture.sim.requests),
			];
			const secretCore = LEAK_MARKER.slice('lnc_test_'.length);
			for (const text of haystacks) {
				expect(text).not.toContain(LEAK_MARKER);
				expect(text).not.toContain(secretCore);
			}
			// The simulator did receive the key: the scan would have found it had it leaked.
			expect(
				fixture.sim.requests.every((entry) => entry.headers.authorization === 'Bearer ***'),
			).toBe(true);
		});
	});
}

/** Only this create endpoint is documented to honour Idempotency-Key: only it is resent. */
export const DEDUPLICATING_ROUTE = 'POST /api/v1/search-profile-creations';
