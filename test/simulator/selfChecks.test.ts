import { afterAll, beforeAll, describe, it } from 'vitest';

import type { SimulatorHandle } from '../../simulator/server.mjs';
import { startSimulator } from '../../simulator/server.mjs';
import {
	checkDeterminismAndClock,
	client,
	SELF_CHECK_OPTIONS,
	SELF_CHECKS,
} from '../../simulator/selfcheck.mjs';

/** The simulator must behave like the API reference says, or every test built on it proves little. */
describe('OpenProspect simulator', () => {
	let sim: SimulatorHandle;

	// One simulator for the checks in order: later checks use records made by earlier ones.
	beforeAll(async () => {
		sim = await startSimulator(SELF_CHECK_OPTIONS);
	});

	afterAll(async () => {
		await sim.close();
	});

	it.each(Object.entries(SELF_CHECKS))('%s', async (_, check) => {
		await check(sim, client(sim));
	});

	it('is deterministic for a seed, and its clock can be accelerated', async () => {
		await checkDeterminismAndClock();
	});
});
