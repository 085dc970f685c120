// Node built-ins for tests live in .mjs files: the lint rules for .ts files forbid them.
import { createServer } from 'node:http';

/**
 * A local server that answers 200 with headers at once, then a space every `dripMs`, and completes
 * the JSON `{"orders": []}` after `completeAfterMs`: alive all the time, finished only late.
 */
export async function startTricklingServer({ dripMs = 50, completeAfterMs = 5000 } = {}) {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.write('{"orders": [');
		const drip = setInterval(() => response.write(' '), dripMs);
		const end = setTimeout(() => response.end(']}'), completeAfterMs);
		response.on('close', () => {
			clearInterval(drip);
			clearTimeout(end);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}`,
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** Runs `callback` after `ms` (a timer for tests, outside the node's lint set). */
export function after(ms, callback) {
	setTimeout(callback, ms);
}
