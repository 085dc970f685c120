// .mts is outside the lint set, so Node built-ins are fine here.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	// One copy of n8n-workflow for the engine and the node: the CJS build n8n-core requires.
	resolve: { alias: [{ find: /^n8n-workflow$/, replacement: require.resolve('n8n-workflow') }] },
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		setupFiles: ['test/helpers/setup.ts'],
		env: {
			N8N_USER_FOLDER: mkdtempSync(join(tmpdir(), 'openprospect-n8n-')),
			// n8n-core's ErrorReporter logs every node error (and its cause) through n8n's Logger:
			// about 150 blocks of noise per run. OPENPROSPECT_TEST_LOGS=1 shows them again.
			N8N_LOG_LEVEL:
				process.env.OPENPROSPECT_TEST_LOGS === '1'
					? (process.env.N8N_LOG_LEVEL ?? 'info')
					: 'silent',
		},
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
