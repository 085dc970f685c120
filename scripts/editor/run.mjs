// `npm run editor [-- --line=1.x|2.x] [--port=5678]`: the real n8n editor with the built package,
// the OpenProspect simulator, an owner account, an OpenProspect credential pointing at the
// simulator and the example workflows, all on 127.0.0.1. n8n is installed into .cache/ on first
// use (about 5 minutes), never globally. Ctrl-C stops everything this started.
import { N8N_LINES } from '../lib/n8n-host.mjs';
import { startEditor } from './editor.mjs';

const arg = (name) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const line = arg('line') ?? '2.x';
if (!(line in N8N_LINES)) {
	console.error(`unknown --line ${line} (known: ${Object.keys(N8N_LINES).join(', ')})`);
	process.exit(2);
}
const port = Number(arg('port') ?? 5678);

const log = (message) => console.log(`-- ${message}`);
let editor;
let stopping = false;
async function shutDown(code) {
	if (stopping) return;
	stopping = true;
	console.log('\nstopping n8n and the simulator ...');
	await editor?.stop();
	process.exit(code);
}
process.once('SIGINT', () => shutDown(0));
process.once('SIGTERM', () => shutDown(0));

try {
	log(`starting n8n ${N8N_LINES[line].n8n} (Node ${N8N_LINES[line].node}) with the built package`);
	editor = await startEditor({ line, port, log });
} catch (error) {
	console.error(`could not start the editor: ${error.message}`);
	process.exit(1);
}

const { url, owner, sim, workflows } = editor;
console.log(`
n8n editor:  ${url}
  email:     ${owner.email}
  password:  ${owner.password}

OpenProspect simulator: ${sim.baseUrl}  (the credential "OpenProspect (simulator)" points here,
  API key ${sim.apiKey}; no real key or network needed)

Example workflows (open one, then "Execute workflow"):
${workflows.map((w) => `  ${url}/workflow/${w.id}  ${w.name}`).join('\n')}

Everything runs in a throwaway n8n user folder. Press Ctrl-C to stop.`);
editor.n8n.exited.then(([code]) => {
	if (!stopping) {
		console.error(`n8n exited (${code}); the end of its log:\n${editor.n8n.log().slice(-3000)}`);
		shutDown(1);
	}
});
