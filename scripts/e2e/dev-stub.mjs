// Development stand-ins, used only with `--stub`: a tiny community package (n8n-nodes-e2estub)
// whose node, trigger and credential share the real package's names and parameters, and a tiny
// OpenProspect server with the simulator's interface. They let the e2e mechanics (install,
// import, execute, load, queue mode) be tested without the real nodes or simulator.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';

export const STUB_PACKAGE = 'n8n-nodes-e2estub';

const CREDENTIAL_JS = `
class OpenProspectApi {
	constructor() {
		this.name = 'openProspectApi';
		this.displayName = 'OpenProspect API (stub)';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } };
		this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v1/auth/validate' } };
	}
}
module.exports = { OpenProspectApi };
`;

const NODE_JS = `
class OpenProspect {
	constructor() {
		this.description = {
			displayName: 'OpenProspect (stub)', name: 'openProspect', group: ['transform'], version: 1,
			description: 'Stub node', defaults: { name: 'OpenProspect' }, usableAsTool: true,
			inputs: ['main'], outputs: ['main'], credentials: [{ name: 'openProspectApi', required: true }],
			properties: [
				{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true,
				  options: [{ name: 'API Key', value: 'apiKey' }], default: 'apiKey' },
				{ displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true,
				  options: [{ name: 'Validate', value: 'validate', action: 'Validate the API key' }], default: 'validate' },
			],
		};
	}
	async execute() {
		const credentials = await this.getCredentials('openProspectApi');
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'openProspectApi', {
				method: 'GET', url: credentials.baseUrl + '/api/v1/auth/validate', json: true,
			});
			out.push({ json: body, pairedItem: { item: i } });
		}
		return [out];
	}
}
module.exports = { OpenProspect };
`;

// Order Finished: the first trigger-mode poll records the finished orders as a baseline and emits
// nothing; later polls emit each newly finished order once. State is node-scoped static data.
const TRIGGER_JS = `
const TERMINAL = ['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'];
class OpenProspectTrigger {
	constructor() {
		this.description = {
			displayName: 'OpenProspect Trigger (stub)', name: 'openProspectTrigger', group: ['trigger'], version: 1,
			description: 'Stub trigger', defaults: { name: 'OpenProspect Trigger' }, polling: true,
			inputs: [], outputs: ['main'], credentials: [{ name: 'openProspectApi', required: true }],
			properties: [
				{ displayName: 'Event', name: 'event', type: 'options',
				  options: [{ name: 'Order Finished', value: 'orderFinished' }], default: 'orderFinished' },
			],
		};
	}
	async poll() {
		const credentials = await this.getCredentials('openProspectApi');
		const body = await this.helpers.httpRequestWithAuthentication.call(this, 'openProspectApi', {
			method: 'GET', url: credentials.baseUrl + '/api/v1/orders?limit=100', json: true,
		});
		const finished = body.orders.filter((order) => TERMINAL.includes(order.status));
		if (this.getMode() === 'manual') return finished.length ? [[{ json: finished[finished.length - 1] }]] : null;
		const state = this.getWorkflowStaticData('node');
		if (!state.seen) {
			state.seen = finished.map((order) => order.id);
			return null;
		}
		const fresh = finished.filter((order) => !state.seen.includes(order.id));
		if (fresh.length === 0) return null;
		state.seen = [...state.seen, ...fresh.map((order) => order.id)];
		return [fresh.map((order) => ({ json: { event: 'order.finished', ...order } }))];
	}
}
module.exports = { OpenProspectTrigger };
`;

/** Writes the stub package into `dir` (ready for `npm pack`). */
export async function writeStubPackage(dir) {
	await mkdir(join(dir, 'dist', 'nodes'), { recursive: true });
	await mkdir(join(dir, 'dist', 'credentials'), { recursive: true });
	const manifest = {
		name: STUB_PACKAGE,
		version: '0.0.1',
		license: 'MIT',
		files: ['dist'],
		keywords: ['n8n-community-node-package'],
		n8n: {
			n8nNodesApiVersion: 1,
			credentials: ['dist/credentials/OpenProspectApi.credentials.js'],
			nodes: ['dist/nodes/OpenProspect.node.js', 'dist/nodes/OpenProspectTrigger.node.js'],
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
	await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	await writeFile(
		join(dir, 'dist', 'credentials', 'OpenProspectApi.credentials.js'),
		CREDENTIAL_JS,
	);
	await writeFile(join(dir, 'dist', 'nodes', 'OpenProspect.node.js'), NODE_JS);
	await writeFile(join(dir, 'dist', 'nodes', 'OpenProspectTrigger.node.js'), TRIGGER_JS);
	return dir;
}

/**
 * A minimal OpenProspect server with the simulator's interface: validate the key, list orders,
 * seeded `orders` (all finished), setOrderStatus(), clock.advance(), counters.byRoute.
 */
export async function startStubSimulator({ orders: orderCount = 0 } = {}) {
	const apiKey = 'lnc_test_stubkey';
	const counters = { total: 0, byRoute: {}, byMethodPath: {} };
	let offset = 0;
	const clock = { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
	const orders = new Map();
	for (let n = 0; n < orderCount; n++) {
		const at = new Date(clock.now() - (orderCount - n) * 3_600_000).toISOString();
		orders.set(randomUUID(), {
			order_type: 'DISCOVERY',
			status: 'COMPLETED',
			created_at: at,
			updated_at: at,
			completed_at: at,
		});
	}
	const orderView = (id) => ({ id, ...orders.get(id) });

	const server = createServer((req, res) => {
		const url = new URL(req.url, 'http://x');
		const key = `${req.method} ${url.pathname}`;
		counters.total += 1;
		counters.byRoute[key] = (counters.byRoute[key] ?? 0) + 1;
		counters.byMethodPath[key] = counters.byRoute[key];
		const send = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.headers.authorization !== `Bearer ${apiKey}`) {
			return send(401, { code: 'UNAUTHORIZED', message: 'Invalid API key' });
		}
		if (key === 'GET /api/v1/auth/validate')
			return send(200, { valid: true, scopes: ['orders:read'] });
		if (key === 'GET /api/v1/orders')
			return send(200, { orders: [...orders.keys()].map(orderView), total: orders.size });
		send(404, { code: 'NOT_FOUND', message: key });
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}`,
		apiKey,
		counters,
		clock,
		state: { orders },
		orderView,
		setOrderStatus(id, status) {
			const at = new Date(clock.now()).toISOString();
			const finished = ['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'].includes(status);
			Object.assign(orders.get(id), { status, updated_at: at, completed_at: finished ? at : null });
			return orderView(id);
		},
		close: () => new Promise((done) => server.close(done)),
	};
}
