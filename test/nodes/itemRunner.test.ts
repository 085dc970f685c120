/** The router's item runner, on a real n8n ExecuteContext. */
import type { INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runPerItem } from '../../nodes/OpenProspect/actions/itemRunner';
import { makeExecuteContext } from '../helpers/engine';

describe('runPerItem', () => {
	it('passes on an output of 200,000 items without spreading it into a call (no stack overflow)', async () => {
		const many: INodeExecutionData[] = Array.from({ length: 200_000 }, (_, index) => ({
			json: { index },
		}));
		const output = await runPerItem(
			makeExecuteContext(),
			async (itemIndex) => (itemIndex === 1 ? many : [{ json: { item: itemIndex } }]),
			3,
		);
		expect(output).toHaveLength(200_002);
		expect(output[0]).toEqual({ json: { item: 0 }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({ json: { index: 0 }, pairedItem: { item: 1 } });
		expect(output[200_000]).toEqual({ json: { index: 199_999 }, pairedItem: { item: 1 } });
		expect(output[200_001]).toEqual({ json: { item: 2 }, pairedItem: { item: 2 } });
	});
});
