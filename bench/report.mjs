/** The rows and notes of bench/results.md, collected while the sections run, and number formats. */

export const rows = [];
export const notes = [];

export const format = (value, digits = 2) =>
	value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const count = (value) => value.toLocaleString('en-US');
export const mb = (bytes) => `${format(bytes / 1e6, 1)} MB`;
export const ms = (value) => `${count(Math.round(value))} ms`;
export const seconds = (value) => `${format(value / 1000, 1)} s`;

/**
 * Records one figure and prints it at once. A diagnostic row is measured against a target but is
 * not one of the goals: it cannot fail the run.
 */
export function record(goal, target, measured, pass, detail = '', diagnostic = false) {
	rows.push({ goal, target, measured, pass, detail, diagnostic });
	const verdict = diagnostic ? 'info' : pass ? 'pass' : 'FAIL';
	console.log(
		`${verdict}  ${goal}: ${measured} (${diagnostic ? 'reference' : 'goal'} ${target})${detail ? `, ${detail}` : ''}`,
	);
}

/** Runs a section; an error fails its goal instead of stopping the whole bench. */
export async function section(goal, target, run) {
	try {
		return await run();
	} catch (error) {
		record(goal, target, 'error', false, String(error?.message ?? error).split('\n')[0]);
		console.error(error);
	}
}
