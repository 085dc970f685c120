#!/usr/bin/env node
// node simulator/cli.mjs [--port N] [--seed N] [--speed N] [--host H] [--orders N]
//                        [--rate-limit RPS] [--error-format current|flat|nested|oldest|fastapi]
//                        [--clock-offset DURATION] [--visibility-delay DURATION]
//                        [--idempotent-routes documented|all|none|"POST /api/v1/orders,..."]
import { parseArgs } from 'node:util';

import { parseDuration } from './duration.mjs';
import { DOCUMENTED_IDEMPOTENT_ROUTES, startSimulator } from './server.mjs';

const USAGE = `Usage: node simulator/cli.mjs [options]
  --port N                 listen port (default: a free one)
  --host H                 listen address (default 127.0.0.1)
  --seed N                 data seed (default 42)
  --speed N                simulated-clock acceleration (default 1, 0 freezes it)
  --orders N               pre-seeded past orders (default 0)
  --rate-limit RPS         requests per second per API key (default: no limit)
  --error-format F         current | flat | nested | oldest | fastapi (default current)
  --clock-offset D         the server clock runs D ahead of this machine's, e.g. 1h, -1y (default 0)
  --visibility-delay D     deliveries show in lists up to D after their delivered_at, e.g. 5m (default 0)
  --idempotent-routes R    routes that honour Idempotency-Key: documented (default), all, none,
                           or a comma-separated list such as "POST /api/v1/orders,POST /api/v1/blacklists"`;

// parseArgs takes `-1y` for an option; `--clock-offset -1y` is read as `--clock-offset=-1y`.
const DURATION_FLAGS = new Set(['--clock-offset', '--visibility-delay']);
const args = [];
for (const arg of process.argv.slice(2)) {
	if (DURATION_FLAGS.has(args.at(-1)) && /^-\d/.test(arg)) args.push(`${args.pop()}=${arg}`);
	else args.push(arg);
}

const { values } = parseArgs({
	args,
	options: {
		port: { type: 'string', default: '0' },
		host: { type: 'string', default: '127.0.0.1' },
		seed: { type: 'string', default: '42' },
		speed: { type: 'string', default: '1' },
		orders: { type: 'string', default: '0' },
		'rate-limit': { type: 'string' },
		'error-format': { type: 'string', default: 'current' },
		'clock-offset': { type: 'string', default: '0' },
		'visibility-delay': { type: 'string', default: '0' },
		'idempotent-routes': { type: 'string', default: 'documented' },
		help: { type: 'boolean', short: 'h', default: false },
	},
});

if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

function fail(message) {
	console.error(message);
	process.exit(2);
}

function number(name, { integer = false, min = 0 } = {}) {
	const value = Number(values[name]);
	if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) fail(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}`);
	return value;
}

function duration(name) {
	try {
		return parseDuration(values[name]);
	} catch (error) {
		return fail(`--${name}: ${error.message}`);
	}
}

function idempotentRoutes(text) {
	if (text === 'documented') return DOCUMENTED_IDEMPOTENT_ROUTES;
	if (text === 'all') return 'all';
	if (text === 'none') return [];
	return text
		.split(',')
		.map((route) => route.trim().replace(/\s+/, ' '))
		.filter(Boolean);
}

let sim;
try {
	sim = await startSimulator({
		port: number('port', { integer: true }),
		host: values.host,
		seed: number('seed', { integer: true }),
		speed: number('speed'),
		orders: number('orders', { integer: true }),
		rateLimit: values['rate-limit'] === undefined ? null : { requestsPerSecond: number('rate-limit') },
		errorFormat: values['error-format'],
		clockOffsetMs: duration('clock-offset'),
		deliveryVisibilityDelayMs: duration('visibility-delay'),
		idempotentRoutes: idempotentRoutes(values['idempotent-routes']),
	});
} catch (error) {
	fail(error.message);
}

console.log(`OpenProspect simulator listening on ${sim.baseUrl}`);
console.log(`API key (all scopes): ${sim.keys.all}`);
console.log(`API key (read only): ${sim.keys.readOnly}  scopes: ${sim.keyScopes.readOnly.join(', ')}`);
console.log(`API key (orders only): ${sim.keys.ordersOnly}  scopes: ${sim.keyScopes.ordersOnly.join(', ')}`);
console.log(`API key (expired, always 401): ${sim.keys.expired}`);
console.log(`Prospect searches: ${[...sim.state.prospectSearches.values()].map((search) => `${search.id} (${search.name})`).join(', ')}`);
console.log(`Server clock: ${new Date(sim.clock.now()).toISOString()} (offset ${sim.clock.offsetMs} ms)`);

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
