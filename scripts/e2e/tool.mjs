// The AI-tool variant in the real n8n: `<package>.openProspectTool` driven the way an AI Agent
// drives it, with no language model. n8n's own Tool Executor node (the one the editor uses to run
// a tool node on its own) takes the tool from its `ai_tool` input and invokes it with a query, as
// the agent does with a model's tool call; the tool node resolves its `$fromAI()` parameters from
// that query and runs the operation.
import { assert } from '../lib/report.mjs';
import { credentialRef } from './common.mjs';

export const TOOL_LIMIT = 2;
const TOOL_NODE = 'OpenProspect Tool';

/**
 * The tool call's arguments as the Tool Executor of this n8n line takes them: n8n 2.x keys them
 * by tool name (the node name, spaces as underscores), as an agent's tool calls are; 1.x takes
 * them bare.
 */
function toolQuery(n8nVersion) {
	const args = { limit: TOOL_LIMIT };
	const keyedByTool = Number(n8nVersion.split('.')[0]) >= 2;
	return JSON.stringify(keyedByTool ? { [TOOL_NODE.replaceAll(' ', '_')]: args } : args);
}

/** Manual Trigger → Tool Executor ← (ai_tool) OpenProspect tool: Prospect Search → Get Many. */
export function toolWorkflow({ packageName, n8nVersion }) {
	return {
		id: 'opE2eAiToolCall01',
		name: 'E2E: OpenProspect as an AI tool ($fromAI)',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'tool-manual',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'tool-executor',
				name: 'Tool Call',
				type: '@n8n/n8n-nodes-langchain.toolExecutor',
				typeVersion: 1,
				position: [240, 0],
				// What a model's tool call carries: the $fromAI() arguments by name.
				parameters: { query: toolQuery(n8nVersion), toolName: '' },
			},
			{
				id: 'tool-openprospect',
				name: TOOL_NODE,
				type: `${packageName}.openProspectTool`,
				typeVersion: 1,
				position: [240, 200],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Lists the prospect searches of the OpenProspect account.',
					resource: 'prospectSearch',
					operation: 'getAll',
					returnAll: false,
					limit: "={{ $fromAI('limit', 'How many prospect searches to return', 'number') }}",
				},
				credentials: credentialRef(),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Tool Call', type: 'main', index: 0 }]] },
			[TOOL_NODE]: { ai_tool: [[{ node: 'Tool Call', type: 'ai_tool', index: 0 }]] },
		},
	};
}

/** The tool's answer as the agent receives it: a JSON string (or object) of the operation's items. */
function toolItems(json) {
	let value = json;
	for (const key of ['response', 'output', 'result']) if (value?.[key] !== undefined) value = value[key];
	if (typeof value === 'string') value = JSON.parse(value);
	if (value && !Array.isArray(value) && typeof value === 'object') {
		const arrays = Object.values(value).filter(Array.isArray);
		if (arrays.length === 1) value = arrays[0];
	}
	return value;
}

/**
 * Checks the `n8n execute` result of the tool workflow: the tool ran the operation with the
 * $fromAI() limit from the tool call, and the simulator saw exactly one list request.
 */
export function assertToolCall(result, requests) {
	assert(result?.status === 'success', `execution status ${result?.status}: ${JSON.stringify(result?.data?.resultData?.error ?? {}).slice(0, 500)}`);
	const runData = result.data.resultData.runData;
	const runs = runData['Tool Call'];
	assert(runs?.length, `the Tool Executor did not run (ran: ${Object.keys(runData).join(', ')})`);
	const items = runs.at(-1).data?.main?.[0] ?? [];
	assert(items.length === 1, `Tool Executor output ${items.length} items, expected 1`);
	const answer = toolItems(items[0].json);
	assert(
		Array.isArray(answer) && answer.length === TOOL_LIMIT,
		`the tool answered ${JSON.stringify(items[0].json).slice(0, 400)}, expected ${TOOL_LIMIT} prospect searches`,
	);
	assert(answer.every((search) => typeof search?.id === 'string'), 'a prospect search without an id');
	const lists = Object.entries(requests).filter(([key]) => key.startsWith('GET ') && key.includes('prospect-searches'));
	const total = lists.reduce((sum, [, count]) => sum + count, 0);
	assert(total === 1, `simulator saw ${JSON.stringify(requests)}, expected one prospect-search list request`);
}
