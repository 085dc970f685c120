// Driving the n8n 2.41 editor UI: explicit waits on its data-test-id selectors, and a clear error
// naming the scene and the selector when one does not show up.

import { sleep } from '../lib/n8n-host.mjs';

const TIMEOUT_MS = 20_000;
/** A request open this long is a long poll or one abandoned by a navigation: not worth waiting for. */
const LONG_LIVED_MS = 5_000;

const inflightByPage = new WeakMap();

/**
 * Tracks the page's open requests. A new document forgets the old ones: requests cut off by a
 * navigation never report that they finished (and page.waitForNetworkIdle then waits in vain).
 */
function trackRequests(page) {
	const inflight = new Map();
	page.on('request', (request) => {
		if (request.isNavigationRequest() && request.frame() === page.mainFrame()) inflight.clear();
		inflight.set(request, Date.now());
	});
	page.on('requestfinished', (request) => inflight.delete(request));
	page.on('requestfailed', (request) => inflight.delete(request));
	inflightByPage.set(page, inflight);
}

/** Resolves once no (short-lived) request has been open for `idleMs`, or after `timeoutMs`. */
async function networkQuiet(page, { idleMs = 300, timeoutMs = 10_000 } = {}) {
	const inflight = inflightByPage.get(page) ?? new Map();
	const deadline = Date.now() + timeoutMs;
	let quietSince = Date.now();
	while (Date.now() < deadline) {
		const now = Date.now();
		const busy = [...inflight.values()].some((started) => now - started < LONG_LIVED_MS);
		if (busy) quietSince = now;
		else if (now - quietSince >= idleMs) return;
		await sleep(50);
	}
}

/** Kills CSS transitions, animations and the text caret, so a shot never catches a half-drawn frame. */
const STILL_CSS = `*, *::before, *::after {
	transition: none !important;
	animation-duration: 0s !important;
	animation-delay: 0s !important;
	caret-color: transparent !important;
}`;

export const testId = (id) => `[data-test-id="${id}"]`;
export const canvasNode = (name) => `${testId('canvas-node')}[data-node-name="${name}"]`;

/** The page helpers for one scene; every error they throw starts with the scene's name. */
export function sceneUi(page, scene) {
	const fail = (message) => new Error(`scene "${scene}": ${message}`);

	async function waitVisible(selector, { timeout = TIMEOUT_MS, what = selector } = {}) {
		try {
			return await page.waitForSelector(selector, { visible: true, timeout });
		} catch (error) {
			throw fail(
				`${what} did not show up within ${timeout} ms (selector ${selector}): ${error.message}`,
			);
		}
	}

	/** Waits until an element matching `selector` has exactly `text` (trimmed), returns it. */
	async function waitText(selector, text, { timeout = TIMEOUT_MS } = {}) {
		try {
			await page.waitForFunction(
				(sel, expected) =>
					[...document.querySelectorAll(sel)].some(
						(el) => el.offsetParent !== null && el.textContent.trim().startsWith(expected),
					),
				{ timeout },
				selector,
				text,
			);
		} catch (error) {
			throw fail(`no ${selector} reading "${text}" within ${timeout} ms: ${error.message}`);
		}
		const handles = await page.$$(selector);
		for (const handle of handles) {
			const content = await handle.evaluate((el) => el.textContent.trim());
			if (content.startsWith(text)) return handle;
		}
		throw fail(`${selector} reading "${text}" vanished`);
	}

	async function click(selector, options = {}) {
		const element = await waitVisible(selector, options);
		await element.click({ count: options.count ?? 1 });
		return element;
	}

	/** Opens a workflow in the editor and waits for its canvas nodes. */
	async function openWorkflow(baseUrl, workflowId, nodeCount) {
		await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		await waitVisible(testId('canvas-wrapper'), { what: 'the canvas' });
		try {
			await page.waitForFunction(
				(sel, count) => document.querySelectorAll(sel).length === count,
				{ timeout: TIMEOUT_MS },
				testId('canvas-node'),
				nodeCount,
			);
		} catch (error) {
			throw fail(`the canvas did not show ${nodeCount} nodes: ${error.message}`);
		}
		await settle();
	}

	/** Double-clicks a canvas node and waits for its parameter panel (NDV). */
	async function openNode(name) {
		await click(canvasNode(name), { count: 2, what: `canvas node "${name}"` });
		await waitVisible(testId('ndv'), { what: `the panel of "${name}"` });
		await waitVisible(`${testId('ndv')} ${testId('node-parameters')}`, {
			what: `the parameters of "${name}"`,
		});
		await settle();
	}

	/** Lets the page come to rest: no pending requests for a moment, fonts and images loaded. */
	async function settle() {
		await networkQuiet(page);
		await page.evaluate(async () => {
			await document.fonts.ready;
			await Promise.all(
				[...document.images]
					.filter((img) => !img.complete)
					.map(
						(img) =>
							new Promise((resolve) => img.addEventListener('loadend', resolve, { once: true })),
					),
			);
			await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		});
	}

	/** Closes toasts, parks the mouse where it hovers nothing, settles, and writes the PNG. */
	async function shoot(path, { blur = true } = {}) {
		await page.evaluate(() => {
			for (const close of document.querySelectorAll('.el-notification__closeBtn')) close.click();
			// n8n 2.41 leaves an empty white CodeMirror host (class ͼ…) per expression field at the
			// window's top-left corner, above the panel's backdrop: hide those strays.
			for (const stray of document.querySelectorAll('div[class^="ͼ"]')) {
				if (stray.childElementCount === 0 && !stray.closest('[data-test-id="ndv"]')) {
					stray.style.visibility = 'hidden';
				}
			}
		});
		await page
			.waitForFunction(() => !document.querySelector('.el-notification'), {
				timeout: 5_000,
			})
			.catch(() => {});
		if (blur) await page.evaluate(() => document.activeElement?.blur?.());
		// The top edge: above the panel's modal, away from the sidebar's hover tooltips.
		await page.mouse.move(720, 3);
		await settle();
		await page.screenshot({ path, type: 'png' });
	}

	/**
	 * Drags the open panel's middle (parameters) part so its handle sits at `targetX`, to give the
	 * output more room. n8n remembers the position from one panel to the next.
	 */
	async function widenOutput(targetX, minOutputWidth) {
		const handle = await waitVisible(`${testId('ndv')} ${testId('panel-drag-button')}`, {
			what: 'the drag handle of the parameters',
		});
		const box = await handle.boundingBox();
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		if (Math.abs(x - targetX) > 5) {
			await page.mouse.move(x, y);
			await page.mouse.down();
			await page.mouse.move((x + targetX) / 2, y, { steps: 5 });
			await page.mouse.move(targetX, y, { steps: 5 });
			await page.mouse.up();
		}
		const output = await waitVisible(testId('output-panel'), { what: 'the output panel' });
		const { width } = await output.boundingBox();
		if (width < minOutputWidth) {
			throw fail(
				`the output panel is ${Math.round(width)} px wide after the drag, expected ${minOutputWidth}`,
			);
		}
		await settle();
	}

	return { waitVisible, waitText, click, openWorkflow, openNode, widenOutput, settle, shoot, fail };
}

/**
 * Tracks requests (see settle), freezes transitions on every document the page loads, and accepts
 * "leave page?" dialogs.
 */
export async function prepareEditorPage(page) {
	trackRequests(page);
	await page.evaluateOnNewDocument((css) => {
		// The one-time "You can pin this output" hints would cover the output in a shot.
		localStorage.setItem('N8N_PIN_DATA_DISCOVERY_NDV', 'true');
		localStorage.setItem('N8N_PIN_DATA_DISCOVERY_CANVAS', 'true');
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = css;
			document.head.append(style);
		});
	}, STILL_CSS);
	page.on('dialog', (dialog) => void dialog.accept());
}

/** Signs in through the real sign-in form, as a user would. */
export async function signInThroughForm(page, baseUrl, owner) {
	const ui = sceneUi(page, 'sign-in');
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	await ui.waitVisible('input[name="emailOrLdapLoginId"]', { what: 'the email field' });
	await page.type('input[name="emailOrLdapLoginId"]', owner.email);
	await page.type('input[name="password"]', owner.password);
	await ui.click(testId('form-submit-button'), { what: 'the Sign in button' });
	try {
		await page.waitForFunction(() => !location.pathname.startsWith('/signin'), {
			timeout: 20_000,
		});
	} catch {
		throw ui.fail('still on /signin after submitting the form (wrong email or password?)');
	}
}
