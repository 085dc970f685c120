/** Responses slower than the timeout: a GET is resent, a POST only to the endpoint that deduplicates its key. */
import { describe, expect, it } from 'vitest';

import { apiRequest } from '../../../nodes/OpenProspect/transport';
import { DEFAULT_RETRY_POLICY } from '../../../nodes/OpenProspect/transport/retry';
import type { NodeRunResult } from '../../helpers/engine';
import { makeExecuteContext } from '../../helpers/engine';
import {
	DEDUPLICATING_ROUTE,
	expectClearError,
	keyNeverLeaks,
	on,
	useFaultSuite,
} from '../../helpers/faultSuite';
import { processed, received } from '../../helpers/simulator';

const suite = useFaultSuite();
const { fixture, evidence } = suite;

describe('responses slower than the timeout (the transport: the node has no timeout parameter)', () => {
	const VALIDATE = 'GET /api/v1/auth/validate';

	async function request(input: Parameters<typeof apiRequest>[0]) {
		const context = makeExecuteContext({ credentials: fixture.credentials });
		try {
			const body = await apiRequest.call(context, input);
			evidence.push(body);
			return { body };
		} catch (error) {
			evidence.push(error);
			return { error: error as NonNullable<NodeRunResult['error']> };
		}
	}

	it('a GET that times out once is sent again and succeeds', async () => {
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(VALIDATE) }]);
		const { body, error } = await request({
			method: 'GET',
			path: '/api/v1/auth/validate',
			timeoutMs: 300,
		});
		expect(error).toBeUndefined();
		expect(body).toMatchObject({ valid: true });
		expect(received(fixture.sim, VALIDATE)).toBe(2);
	});

	it('a GET that always times out fails once its attempts are used up, saying so', async () => {
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, match: on(VALIDATE) }]);
		const { error } = await request({
			method: 'GET',
			path: '/api/v1/auth/validate',
			timeoutMs: 500,
			policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 },
		});
		expectClearError(error);
		expect(error?.message).toBe('OpenProspect did not answer within 500 ms');
		expect(received(fixture.sim, VALIDATE)).toBe(2);
	});

	const RESEND_LABEL = 'fault-suite-timeout-1';

	it('a POST to the deduplicating endpoint that times out is resent with the same key and created once', async () => {
		const ROUTE = DEDUPLICATING_ROUTE;
		const before = fixture.sim.state.profileCreations.size;
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(ROUTE) }]);
		const { body, error } = await request({
			method: 'POST',
			path: '/api/v1/search-profile-creations',
			body: { profile_name: 'Timed out once' },
			idempotencyKey: RESEND_LABEL,
			serverDeduplicates: true,
			timeoutMs: 300,
		});
		expect(error).toBeUndefined();
		expect(body).toMatchObject({ status: expect.any(String) });
		expect(processed(fixture.sim, ROUTE)).toBe(1);
		expect(fixture.sim.state.profileCreations.size).toBe(before + 1);
		const keys = fixture.sim.requests.map((entry) => entry.headers['idempotency-key']);
		expect(keys).toEqual([RESEND_LABEL, RESEND_LABEL]);
	});

	it('a POST with a key to an endpoint that does not deduplicate is not resent after a timeout', async () => {
		const ROUTE = 'POST /api/v1/blacklists';
		const before = fixture.sim.state.blacklists.size;
		fixture.sim.setFaults([{ kind: 'slow', delayMs: 1500, times: 1, match: on(ROUTE) }]);
		const { error } = await request({
			method: 'POST',
			path: '/api/v1/blacklists',
			body: { name: 'Timed out once' },
			idempotencyKey: `${RESEND_LABEL}-b`,
			timeoutMs: 300,
		});
		expectClearError(error);
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(received(fixture.sim, ROUTE)).toBe(1);
		expect(fixture.sim.state.blacklists.size).toBe(before + 1);
	});
});

keyNeverLeaks(suite, 4);
