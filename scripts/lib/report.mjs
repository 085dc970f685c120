// One line per check, then a plain `N passed, N failed` line (the form CI counts).

export function createReport({ title }) {
	const started = Date.now();
	const results = [];

	/** Runs one named check; a thrown error (or a rejected promise) fails it. Returns its value. */
	async function check(name, fn) {
		const checkStarted = Date.now();
		try {
			const value = await fn();
			results.push({ name, ok: true });
			console.log(`ok   ${name} (${seconds(Date.now() - checkStarted)})`);
			return value;
		} catch (error) {
			results.push({ name, ok: false });
			console.log(`FAIL ${name}: ${error?.message ?? error}`);
			return undefined;
		}
	}

	/** Records a failure that happened outside a check (set-up, crash). */
	function fail(name, error) {
		results.push({ name, ok: false });
		console.log(`FAIL ${name}: ${error?.stack ?? error?.message ?? error}`);
	}

	function step(message) {
		console.log(`--   ${message} [${seconds(Date.now() - started)}]`);
	}

	/** Prints the totals; returns the process exit code. */
	function finish() {
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		console.log(`${title}: total time ${seconds(Date.now() - started)}`);
		console.log(`${passed} passed, ${failed} failed`);
		return failed === 0 && passed > 0 ? 0 : 1;
	}

	return {
		check,
		fail,
		step,
		finish,
		get failed() {
			return results.some((r) => !r.ok);
		},
	};
}

export function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** Throws with `message` unless `condition` holds. */
export function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/**
 * Runs a test script's `main` with a hard time limit, then always runs `cleanups` (last added,
 * first run), also on SIGINT/SIGTERM, so no n8n, redis or postgres child outlives the script.
 * Exits with the report's code (a timed-out `main` may still hold timers).
 */
export async function runScript({ report, cleanups, timeoutMs }, main) {
	const cleanUp = async () => {
		for (const cleanup of cleanups.splice(0).reverse()) {
			await Promise.resolve()
				.then(cleanup)
				.catch((error) => console.log(`cleanup failed: ${error.message}`));
		}
	};
	const onSignal = async (signal) => {
		report.fail('interrupted', signal);
		await cleanUp();
		report.finish();
		process.exit(130);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`time limit of ${seconds(timeoutMs)} reached`)),
			timeoutMs,
		);
	});
	try {
		await Promise.race([main(), timeout]);
	} catch (error) {
		report.fail('run', error);
	} finally {
		clearTimeout(timer);
		await cleanUp();
	}
	process.exit(report.finish());
}
