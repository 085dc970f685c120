/**
 * Runs n8n nodes in-process on the real n8n engine (n8n-core's WorkflowExecute, PollContext,
 * RoutingNode), the way n8n itself does. Shared by the tests (test/helpers/engine.ts, with the
 * nodes' TypeScript sources), the demo and the benchmarks (with the built package).
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {import('n8n-workflow').ICredentialDataDecryptedObject} ICredentialDataDecryptedObject
 * @typedef {import('n8n-workflow').ICredentialsHelper} ICredentialsHelper
 * @typedef {import('n8n-workflow').ICredentialType} ICredentialType
 * @typedef {import('n8n-workflow').IConnections} IConnections
 * @typedef {import('n8n-workflow').IDataObject} IDataObject
 * @typedef {import('n8n-workflow').INode} INode
 * @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData
 * @typedef {import('n8n-workflow').INodeType} INodeType
 * @typedef {import('n8n-workflow').INodeTypes} INodeTypes
 * @typedef {import('n8n-workflow').IRun} IRun
 * @typedef {import('n8n-workflow').ITaskData} ITaskData
 * @typedef {import('n8n-workflow').WorkflowExecuteMode} WorkflowExecuteMode
 * @typedef {import('n8n-core').ExecuteContext} ExecuteContext
 */

// The CommonJS builds: n8n-workflow's ESM build cannot be loaded by Node itself, and nodes built
// by n8n-node are CommonJS, so this keeps one copy of each class (instanceof checks hold).
const require = createRequire(import.meta.url);
// n8n-core keeps instance settings in N8N_USER_FOLDER (default: the home folder); a run of the demo
// or the benchmarks must not leave an .n8n folder behind there.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'openprospect-engine-'));
// (The classes get other local names than the types of the same name in the JSDoc above.)
const { ExecuteContext: NodeExecuteContext, ExecutionLifecycleHooks, PackageDirectoryLoader, PollContext, RoutingNode, WorkflowExecute } =
	require('n8n-core');
const n8nWorkflow = require('n8n-workflow');
const { createEmptyRunExecutionData, createRunExecutionData, isExpression, NodeHelpers, Workflow } = n8nWorkflow;
/** @type {typeof import('n8n-workflow').ICredentialsHelper} */
const CredentialsHelperBase = n8nWorkflow.ICredentialsHelper;

/**
 * A minimal pass-through start node, standing in for n8n-nodes-base's Manual Trigger.
 * @type {INodeType}
 */
export const manualTrigger = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

/**
 * @param {Record<string, INodeType>} instances
 * @returns {INodeTypes}
 */
export function makeNodeTypes(instances) {
	const all = { 'n8n-nodes-base.manualTrigger': manualTrigger, ...instances };
	return {
		getByName: (type) => all[type],
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(all[type], version),
		getKnownTypes: () => ({}),
	};
}

/**
 * Loads a package's nodes and credentials from its package.json `n8n` section (the built dist).
 * @param {string} directory
 * @returns {Promise<{ packageName: string; nodeTypes: INodeTypes; instances: Record<string, INodeType>; credentialTypes: Record<string, ICredentialType> }>}
 */
export async function loadPackage(directory) {
	const loader = new PackageDirectoryLoader(directory);
	await loader.loadAll();
	const instances = {};
	for (const name of Object.keys(loader.known.nodes)) {
		instances[`${loader.packageName}.${name}`] = loader.getNode(name).type;
	}
	const credentialTypes = {};
	for (const name of Object.keys(loader.known.credentials)) credentialTypes[name] = loader.getCredential(name).type;
	return { packageName: loader.packageName, nodeTypes: makeNodeTypes(instances), instances, credentialTypes };
}

/** Mirrors packages/cli's CredentialsHelper.authenticate, for the generic and the function form. */
export class EngineCredentialsHelper extends CredentialsHelperBase {
	/**
	 * @param {Record<string, ICredentialType>} credentialTypes
	 * @param {ICredentialDataDecryptedObject} data
	 */
	constructor(credentialTypes, data) {
		super();
		this.credentialTypes = credentialTypes;
		this.data = data;
	}

	type(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			const resolve = (value) =>
				isExpression(value) && workflow && node
					? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
					: value;
			for (const [outer, inner] of Object.entries(authenticate.properties)) {
				const bucket = (requestOptions[outer] ??= {});
				for (const [key, value] of Object.entries(inner)) bucket[resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	/** @returns {Promise<ICredentialDataDecryptedObject>} */
	async getDecrypted() {
		return { ...this.data };
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	getCredentialsProperties(type) {
		return this.type(type).properties;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	/** @returns {ReturnType<ICredentialsHelper['getCredentials']>} */
	async getCredentials() {
		throw new Error('Not used in-process');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
}

const LOCAL = 'http://127.0.0.1:5678';

export function makeAdditionalData({ credentialsHelper, hooks, executionId = 'exec-1' }) {
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${LOCAL}/rest`,
		instanceBaseUrl: `${LOCAL}/`,
		formBaseUrl: `${LOCAL}/form`,
		formWaitingBaseUrl: `${LOCAL}/form-waiting`,
		formTestBaseUrl: `${LOCAL}/form-test`,
		webhookBaseUrl: `${LOCAL}/webhook`,
		webhookWaitingBaseUrl: `${LOCAL}/webhook-waiting`,
		webhookTestBaseUrl: `${LOCAL}/webhook-test`,
		mcpBaseUrl: `${LOCAL}/mcp`,
		mcpTestBaseUrl: `${LOCAL}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in-process');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
	};
}

/**
 * Runs a workflow from its start node with `input` items, by n8n-core's WorkflowExecute.
 * Returns the IRun; `runData[nodeName][0].data.main[0]` holds a node's output.
 * @param {{ nodes: INode[]; connections: IConnections; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper;
 *   input?: INodeExecutionData[]; executionId?: string; abortSignal?: AbortSignal; staticData?: IDataObject;
 *   onNodeStart?: (nodeName: string) => void; onNodeEnd?: (nodeName: string, taskData: ITaskData) => void }} options
 * @returns {Promise<IRun>}
 */
export async function runWorkflow({ nodes, connections, nodeTypes, credentialsHelper, input = [{ json: {} }], executionId = 'exec-1', abortSignal, staticData, onNodeStart, onNodeEnd }) {
	const workflow = new Workflow({ id: 'wf-1', nodes, connections, nodeTypes, active: false, staticData, settings: { executionOrder: 'v1' } });
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'wf-1', name: 'in-process', nodes, connections, active: false });
	let resolveRun;
	const finished = new Promise((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	if (onNodeStart) hooks.addHandler('nodeExecuteBefore', (nodeName) => onNodeStart(nodeName));
	if (onNodeEnd) hooks.addHandler('nodeExecuteAfter', (nodeName, taskData) => onNodeEnd(nodeName, taskData));
	const start = workflow.getStartNode();
	const runData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }] },
	});
	const execution = new WorkflowExecute(makeAdditionalData({ credentialsHelper, hooks, executionId }), 'manual', runData);
	const process = execution.processRunExecutionData(workflow);
	abortSignal?.addEventListener('abort', () => process.cancel());
	await process;
	return await finished;
}

/**
 * One poll of a polling trigger, over a Workflow whose static data is the object passed in.
 * @param {{ node: INode; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper; staticData?: IDataObject; mode?: WorkflowExecuteMode }} options
 * @returns {Promise<{ out: INodeExecutionData[][] | null; staticData: IDataObject }>}
 */
export async function runPoll({ node, nodeTypes, credentialsHelper, staticData = {}, mode = 'trigger' }) {
	const workflow = new Workflow({ id: 'wf-poll', nodes: [node], connections: {}, nodeTypes, active: true, staticData });
	const workflowNode = workflow.getNode(node.name);
	const context = new PollContext(workflow, workflowNode, makeAdditionalData({ credentialsHelper }), mode, 'activate');
	const out = (await nodeTypes.getByNameAndVersion(node.type, node.typeVersion).poll.call(context)) ?? null;
	return { out, staticData: workflow.staticData };
}

/**
 * A real ExecuteContext for one node, to call node code (e.g. the transport) directly.
 * @param {{ node: INode; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper; abortSignal?: AbortSignal }} options
 * @returns {ExecuteContext}
 */
export function makeExecuteContext({ node, nodeTypes, credentialsHelper, abortSignal }) {
	const workflow = new Workflow({ id: 'wf-ctx', nodes: [node], connections: {}, nodeTypes, active: false });
	const empty = { main: [[{ json: {} }]] };
	return new NodeExecuteContext(
		workflow,
		node,
		makeAdditionalData({ credentialsHelper }),
		'manual',
		createEmptyRunExecutionData(),
		0,
		[{ json: {} }],
		empty,
		{ node, data: empty, source: null },
		[],
		abortSignal,
	);
}

/**
 * Runs a credential type's `test` request through RoutingNode and applies its rules, making the
 * same decisions as n8n's CredentialsTester (packages/cli credentials-tester.service).
 * @param {{ credentialType: ICredentialType; credentialsHelper: ICredentialsHelper; data: ICredentialDataDecryptedObject }} options
 * @returns {Promise<{ status: 'OK' | 'Error'; message?: string }>}
 */
export async function testCredential({ credentialType, credentialsHelper, data }) {
	const test = credentialType.test;
	const testNodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'c' } },
	};
	const nodeTypes = { getByName: () => testNodeType, getByNameAndVersion: () => testNodeType, getKnownTypes: () => ({}) };
	const context = makeExecuteContext({ node, nodeTypes, credentialsHelper });
	try {
		const output = await new RoutingNode(context, testNodeType, { id: 'cred-1', name: 'c', type: credentialType.name, data }).runNode();
		const body = output?.[0]?.[0]?.json ?? {};
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK' };
	} catch (error) {
		const response = error.cause?.response;
		if (response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
			}
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
		if (error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: error.message };
	}
}
