/**
 * A read-only stand-in for `GET /api/v1/companies` that serves a fixed, pre-sorted list of the
 * simulator's companies with the simulator's envelope. The simulator filters and sorts every
 * company it holds on each request (about 0.25 s a page at 100,000 companies), which would make a
 * Return All over 100,000 companies take minutes; this server answers a page in about a
 * millisecond, so the client's side is what gets measured. With `latencyMs`, every answer is held
 * back that long (each request on its own, as a server with spare capacity would), which stands
 * for the network and the API's own work: latency-bound reading is what users wait for.
 */
import { createServer } from 'node:http';

const byScoreThenId = (a, b) =>
	b.match_score - a.match_score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `companies`: the simulator's records of one prospect search (sorted here as the simulator does).
 * Requests are counted in total and per client: the `x-bench-client` header (the fetch baseline
 * sends `fetch`), else `n8n`.
 */
export async function startPageServer({ companies, apiKey, prospectSearchId, latencyMs = 0 }) {
	const sorted = [...companies].sort(byScoreThenId);
	const counters = { total: 0, byClient: {} };
	const server = createServer((request, response) => {
		counters.total++;
		const client = request.headers['x-bench-client'] ?? 'n8n';
		counters.byClient[client] = (counters.byClient[client] ?? 0) + 1;
		const url = new URL(request.url, 'http://localhost');
		const send = (status, body) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const reply = (status, body) =>
			latencyMs > 0 ? setTimeout(() => send(status, body), latencyMs) : send(status, body);
		if (request.headers.authorization !== `Bearer ${apiKey}`)
			return reply(401, { code: 'UNAUTHORIZED', message: 'Invalid API key' });
		if (
			url.pathname !== '/api/v1/companies' ||
			url.searchParams.get('prospect_search_id') !== prospectSearchId
		) {
			return reply(404, { code: 'NOT_FOUND', message: `No route for ${url.pathname}` });
		}
		const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50)));
		const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0));
		const items = sorted.slice(offset, offset + limit);
		reply(200, {
			items,
			total: sorted.length,
			limit,
			offset,
			has_more: offset + items.length < sorted.length,
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}`,
		apiKey,
		counters,
		resetCounters() {
			counters.total = 0;
			counters.byClient = {};
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
