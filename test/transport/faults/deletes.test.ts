/** A DELETE whose answer was lost is resent, and the 404 that follows counts as done. */
import { describe, expect, it } from 'vitest';

import {
	firstBlacklistId,
	keyNeverLeaks,
	on,
	useFaultSuite,
} from '../../helpers/faultSuite';
import { byId, received } from '../../helpers/simulator';

const suite = useFaultSuite();
const { fixture, run } = suite;

describe('a DELETE whose answer was lost', () => {
	it('is resent, and the 404 that follows counts as done (the first attempt deleted it)', async () => {
		const route = 'DELETE /api/v1/blacklists/{blacklist_id}';
		const blacklistId = firstBlacklistId(fixture);
		fixture.sim.setFaults([{ kind: 'resetMidBody', times: 1, match: on(route) }]);
		const { items, error } = await run({
			parameters: { resource: 'blacklist', operation: 'deleteBlacklist', blacklistId: byId(blacklistId) },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(received(fixture.sim, route)).toBe(2);
		expect(fixture.sim.state.blacklists.has(blacklistId)).toBe(false);
	});
});

keyNeverLeaks(suite, 2);
