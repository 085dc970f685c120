#!/usr/bin/env node
// node simulator/cli.mjs [--port N] [--seed N] [--speed N] [--host H] [--orders N]
//                        [--rate-limit RPS] [--error-format current|flat|nested|oldest|fastapi]
import { parseArgs } from 'node:util';

import { startSimulator } from './server.mjs';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '0' },
		host: { type: 'string', default: '127.0.0.1' },
		seed: { type: 'string', default: '42' },
		speed: { type: 'string', default: '1' },
		orders: { type: 'string', default: '0' },
		'rate-limit': { type: 'string' },
		'error-format': { type: 'string', default: 'current' },
		help: { type: 'boolean', short: 'h', default: false },
	},
});

if (values.help) {
	console.log('Usage: node simulator/cli.mjs [--port N] [--seed N] [--speed N] [--host H] [--orders N] [--rate-limit RPS] [--error-format FORMAT]');
	process.exit(0);
}

function number(name, { integer = false, min = 0 } = {}) {
	const value = Number(values[name]);
	if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
		console.error(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}`);
		process.exit(2);
	}
	return value;
}

const sim = await startSimulator({
	port: number('port', { integer: true }),
	host: values.host,
	seed: number('seed', { integer: true }),
	speed: number('speed'),
	orders: number('orders', { integer: true }),
	rateLimit: values['rate-limit'] === undefined ? null : { requestsPerSecond: number('rate-limit') },
	errorFormat: values['error-format'],
});

console.log(`OpenProspect simulator listening on ${sim.baseUrl}`);
console.log(`API key (all scopes): ${sim.keys.all}`);
console.log(`API key (read only): ${sim.keys.readOnly}  scopes: ${sim.keyScopes.readOnly.join(', ')}`);
console.log(`API key (orders only): ${sim.keys.ordersOnly}  scopes: ${sim.keyScopes.ordersOnly.join(', ')}`);
console.log(`API key (expired, always 401): ${sim.keys.expired}`);
console.log(`Prospect searches: ${[...sim.state.prospectSearches.values()].map((search) => `${search.id} (${search.name})`).join(', ')}`);

let stopping = false;
async function stop(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal} received, closing the simulator`);
	await sim.close();
	process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
