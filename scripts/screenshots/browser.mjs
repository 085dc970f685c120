// Headless Chromium from Debian packages, driven by puppeteer-core (which never downloads a
// browser). The browser may only reach 127.0.0.0/8 and localhost: every other request is aborted.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';

import { runProcess } from '../lib/n8n-host.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 1000, deviceScaleFactor: 1 };

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--hide-scrollbars',
	'--font-render-hinting=none',
];

async function aptGet(args, env) {
	const result = await runProcess('apt-get', args, { env, timeoutMs: 15 * 60_000 });
	if (result.code !== 0) {
		throw new Error(
			`apt-get ${args.join(' ')} exited ${result.code}:\n${(result.stdout + result.stderr).slice(-3000)}`,
		);
	}
}

/** Installs Debian's chromium with apt-get when it is missing (CI machines may be fresh). */
export async function ensureChromium({ log = console.log } = {}) {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing: install it (apt-get install -y chromium) or run as root`,
		);
	}
	log('installing chromium with apt-get (about 1 min)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await aptGet(['update'], env);
	await aptGet(['install', '-y', '--no-install-recommends', 'chromium'], env);
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install`);
	return CHROMIUM;
}

/** Whether a URL stays on this machine: localhost, 127.0.0.0/8 or ::1, or a data:/blob: URL. */
export function isLocalUrl(rawUrl) {
	let url;
	try {
		url = new URL(rawUrl);
	} catch {
		return false;
	}
	if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true;
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
	return isIP(host) === 4 && host.split('.')[0] === '127';
}

/**
 * Launches headless Chromium with a fresh profile. Returns { browser, blocked, close() }; `blocked`
 * lists the URLs that were refused (for the log).
 */
export async function launchBrowser() {
	const userDataDir = await mkdtemp(join(tmpdir(), 'n8n-screenshots-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
		defaultViewport: VIEWPORT,
	});
	const blocked = [];
	const close = async () => {
		await browser.close().catch(() => {});
		await rm(userDataDir, { recursive: true, force: true });
	};
	return { browser, blocked, close };
}

/** A new page whose requests to anything but this machine are aborted. */
export async function newLocalOnlyPage(browser, blocked) {
	const page = await browser.newPage();
	await page.setViewport(VIEWPORT);
	await page.setRequestInterception(true);
	page.on('request', (request) => {
		if (request.isInterceptResolutionHandled()) return;
		if (isLocalUrl(request.url())) {
			void request.continue();
		} else {
			blocked.push(request.url());
			void request.abort('blockedbyclient');
		}
	});
	return page;
}
