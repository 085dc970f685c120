/**
 * Runs one measurement in a process of its own (forked by bench/run.mjs, which hosts the
 * simulator), so the server's work and heap never mix with the client's. Receives
 * `{ task, args }` over IPC and answers `{ result }` or `{ error }`.
 */
import './register.mjs';

const { companyGetManyAll, fetchAllPages, loadEngine, median, runAction, timed } =
	await import('./lib.mjs');

/** Engine and plain-fetch runs of the same Return All, interleaved; medians of each. */
async function overhead({ server, prospectSearchId, rounds }) {
	const engine = await loadEngine(server);
	const parameters = companyGetManyAll(prospectSearchId);
	const fetchAll = () =>
		fetchAllPages(server, '/api/v1/companies', { prospect_search_id: prospectSearchId });
	// One untimed round of each warms up the JIT, the connection pools and the simulator's caches.
	await runAction(engine, parameters);
	await fetchAll();
	const engineMs = [];
	const fetchMs = [];
	const engineCpuMs = [];
	const fetchCpuMs = [];
	const cpuMs = async (list, task) => {
		const start = process.cpuUsage();
		const result = await task();
		const used = process.cpuUsage(start);
		list.push((used.user + used.system) / 1000);
		return result;
	};
	let records = 0;
	for (let round = 0; round < rounds; round++) {
		const pair = [
			async () => {
				const { ms, result } = await cpuMs(engineCpuMs, () =>
					timed(() => runAction(engine, parameters)),
				);
				if (result.error || result.failed)
					throw new Error(`engine run failed: ${result.error?.message ?? 'error items'}`);
				records = result.items.length;
				engineMs.push(ms);
			},
			async () => fetchMs.push((await cpuMs(fetchCpuMs, () => timed(fetchAll))).ms),
		];
		// Alternate which goes first, so neither always runs on a warmer process.
		for (const run of round % 2 ? pair.reverse() : pair) await run();
	}
	return {
		records,
		engineMs,
		fetchMs,
		engineMedian: median(engineMs),
		fetchMedian: median(fetchMs),
		engineCpuMedian: median(engineCpuMs),
		fetchCpuMedian: median(fetchCpuMs),
	};
}

/**
 * Peak live heap of one Return All through the engine. A timer collects garbage and samples
 * `heapUsed` every `sampleMs` or more while the run waits on the network; the last sample is taken
 * with the run's output still referenced, as n8n holds it until the next node has read it.
 */
async function memory({ server, prospectSearchId, sampleMs }) {
	const engine = await loadEngine(server);
	const live = () => {
		global.gc();
		return process.memoryUsage().heapUsed;
	};
	// Warm-up: load every module the run touches, so the baseline holds the code and not the data.
	await runAction(engine, { ...companyGetManyAll(prospectSearchId), returnAll: false, limit: 1 });
	const baseline = live();
	let peak = baseline;
	let timer;
	// A full collection of a big heap takes a while (seconds on a loaded machine): the next sample
	// waits at least four times as long as the last one took, so sampling stays a small share.
	const sample = () => {
		const start = performance.now();
		peak = Math.max(peak, live());
		timer = setTimeout(sample, Math.max(sampleMs, 4 * (performance.now() - start)));
	};
	timer = setTimeout(sample, sampleMs);
	const { ms, result } = await timed(() => runAction(engine, companyGetManyAll(prospectSearchId)));
	clearTimeout(timer);
	peak = Math.max(peak, live());
	const records = result.items.length;
	const failed = Boolean(result.error) || result.failed > 0;
	// The node runs with Continue On Fail: an error is an item of its own.
	const error = result.error?.message ?? result.items.find((item) => item.json.error)?.json.error;
	return { baseline, peak, records, failed, ms, error: error && String(error) };
}

const tasks = { memory, overhead };

process.once('message', async ({ task, args }) => {
	try {
		process.send({ result: await tasks[task](args) });
	} catch (error) {
		process.send({ error: error.stack ?? String(error) });
	}
	process.disconnect();
});
