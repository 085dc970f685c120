// `npm run screenshots`: screenshots of the real n8n editor (2.41.1) with the packed package, for
// the README. Build first (`npm run build`; the npm script does). Flag: --keep (keep the n8n user
// folder and print its path).
//
//  1. Chromium from Debian (apt-get when missing), n8n from .cache/n8n-host, the package packed and
//     installed as a community node, the OpenProspect simulator on 127.0.0.1;
//  2. `n8n start`, the owner and an OpenProspect credential (pointing at the simulator) over REST,
//     one workflow per scene over REST;
//  3. headless Chromium, which may only reach 127.0.0.0/8, signs in through the sign-in form and
//     shoots each scene (scenes.mjs) into docs/images/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import {
	REPO_ROOT,
	ensureN8nHost,
	freePort,
	installCommunityPackage,
	restClient,
	setupOwner,
	startN8n,
	stopN8n,
} from '../lib/n8n-host.mjs';
import { createReport, runScript } from '../lib/report.mjs';
import { preparePackage, startOpenProspect } from '../e2e/common.mjs';
import { ensureChromium, launchBrowser, newLocalOnlyPage } from './browser.mjs';
import { prepareEditorPage, sceneUi, signInThroughForm } from './editor.mjs';
import { scenes } from './scenes.mjs';

export const IMAGES_DIR = join(REPO_ROOT, 'docs', 'images');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Alex',
	lastName: 'Example',
	password: 'Passw0rd!Screenshots',
};
// Seeded past orders give the Order Finished trigger a test event.
const SIMULATOR_OPTIONS = { speed: 10, orders: 4 };

const report = createReport({ title: 'screenshots' });
const keep = process.argv.includes('--keep');
const cleanups = [];

async function startServices() {
	const [host] = await Promise.all([
		ensureN8nHost({ log: report.step }),
		ensureChromium({ log: report.step }),
	]);
	report.step(`n8n host ready (${host.n8nBin}), chromium ready`);
	const { tarball, packageName, cleanup } = await preparePackage({ stub: false });
	cleanups.push(cleanup);

	const userFolder = await mkdtemp(join(tmpdir(), 'n8n-screenshots-user-'));
	cleanups.push(() =>
		keep || report.failed
			? console.log(`kept ${userFolder}`)
			: rm(userFolder, { recursive: true, force: true }),
	);
	const installed = await installCommunityPackage(userFolder, tarball);
	report.step(`installed ${installed.name}@${installed.version}`);

	const sim = await startOpenProspect({ stub: false }, SIMULATOR_OPTIONS);
	cleanups.push(() => sim.close());
	const n8n = await startN8n({ userFolder, port: await freePort() });
	cleanups.push(() => stopN8n(n8n));
	report.step(`n8n at ${n8n.baseUrl}, simulator at ${sim.baseUrl}`);
	return { packageName, sim, n8n };
}

async function simulatorGet(sim, path) {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		headers: { authorization: `Bearer ${sim.apiKey}` },
	});
	if (!response.ok) throw new Error(`simulator GET ${path}: ${response.status}`);
	return await response.json();
}

/** The owner, the credential and what the scenes pick from lists (the first search, blacklist). */
async function setUpN8n({ packageName, sim, n8n }) {
	const rest = restClient(n8n.baseUrl, await setupOwner(n8n.baseUrl, OWNER));
	const credential = await rest('POST', '/rest/credentials', {
		name: 'OpenProspect account',
		type: 'openProspectApi',
		data: { apiKey: sim.apiKey, baseUrl: sim.baseUrl },
	});
	if (!credential.ok)
		throw new Error(`creating the credential: ${credential.status} ${credential.text}`);
	const { id, name } = credential.json.data;

	const [search] = (await simulatorGet(sim, '/api/v1/prospect-searches?limit=1')).items;
	const [blacklist] = (await simulatorGet(sim, '/api/v1/blacklists?limit=1')).items;
	// Labelled like the node's list search labels them.
	search.label = `${search.name} (${search.status})`;
	return {
		rest,
		data: { packageName, credentials: { openProspectApi: { id, name } }, search, blacklist },
	};
}

async function createWorkflow(rest, workflow) {
	const response = await rest('POST', '/rest/workflows', workflow);
	if (!response.ok) {
		throw new Error(`creating workflow "${workflow.name}": ${response.status} ${response.text}`);
	}
	return response.json.data.id;
}

async function shootScenes({ rest, data }, n8n) {
	const planned = [];
	for (const scene of scenes()) {
		const workflow = scene.workflow?.(data);
		planned.push({
			scene,
			nodeCount: workflow?.nodes.length,
			workflowId: workflow && (await createWorkflow(rest, workflow)),
		});
	}
	report.step(`${planned.filter((p) => p.workflowId).length} workflows created over REST`);

	const { browser, blocked, close } = await launchBrowser();
	cleanups.push(close);
	const page = await newLocalOnlyPage(browser, blocked);
	await prepareEditorPage(page);
	await report.check('sign in through the sign-in form', () =>
		signInThroughForm(page, n8n.baseUrl, OWNER),
	);

	await mkdir(IMAGES_DIR, { recursive: true });
	let previousOk = true;
	for (const { scene, workflowId, nodeCount } of planned) {
		const path = join(IMAGES_DIR, scene.file);
		const ui = sceneUi(page, scene.name);
		const ok = await report.check(`${scene.name} -> ${relative(REPO_ROOT, path)}`, async () => {
			if (workflowId) await ui.openWorkflow(n8n.baseUrl, workflowId, nodeCount);
			else if (!previousOk) throw new Error('skipped: the scene it goes on from failed');
			await scene.run(ui, { page, shot: (options) => ui.shoot(path, options) });
			return true;
		});
		previousOk = ok === true;
	}
	const outside = [...new Set(blocked.map((url) => new URL(url).host))];
	report.step(
		`blocked ${blocked.length} requests leaving 127.0.0.0/8 (${outside.join(', ') || 'none'})`,
	);
}

async function main() {
	const services = await startServices();
	const setup = await setUpN8n(services);
	await shootScenes(setup, services.n8n);
}

await runScript({ report, cleanups, timeoutMs: 10 * 60_000 }, main);
