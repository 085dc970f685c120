// Writing a JSON answer, with the Date header of the server clock.
import { httpDate } from './clock.mjs';

export function serialize(reply) {
	return reply.status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body);
}

export function send(sim, res, reply) {
	if (res.destroyed || res.headersSent) return;
	const payload = serialize(reply);
	const headers = { ...reply.headers, Date: httpDate(sim.clock.now()) };
	if (payload) headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(reply.status, headers);
	res.end(payload);
}
