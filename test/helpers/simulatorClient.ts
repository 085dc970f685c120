/**
 * A plain HTTP client for the simulator's own tests: JSON in, `{ status, headers, body }` out.
 */
import type { SimulatorHandle } from '../../simulator/server.mjs';

export interface SimulatorResponse {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

export interface CallOptions {
	body?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

export function simulatorClient(sim: SimulatorHandle) {
	return async function call(
		method: string,
		path: string,
		options: CallOptions = {},
	): Promise<SimulatorResponse> {
		const headers: Record<string, string> = {
			Authorization: `Bearer ${sim.apiKey}`,
			...options.headers,
		};
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${sim.baseUrl}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: options.signal,
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			body: text ? JSON.parse(text) : null,
		};
	};
}

/** Every item of a paged list, read 100 at a time. */
export async function readAll(
	call: ReturnType<typeof simulatorClient>,
	path: string,
): Promise<Array<Record<string, unknown>>> {
	const items: Array<Record<string, unknown>> = [];
	const separator = path.includes('?') ? '&' : '?';
	for (let offset = 0; ; offset += 100) {
		const page = await call('GET', `${path}${separator}limit=100&offset=${offset}`);
		if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
		items.push(...page.body.items);
		if (!page.body.has_more) return items;
	}
}
