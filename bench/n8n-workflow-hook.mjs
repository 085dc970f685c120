/**
 * Plain Node cannot load n8n-workflow's ESM build (its imports lack file extensions), so ES modules
 * get the CommonJS build instead: the same copy n8n-core and the built package require.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const commonJs = pathToFileURL(createRequire(import.meta.url).resolve('n8n-workflow')).href;

export async function resolve(specifier, context, next) {
	if (specifier === 'n8n-workflow')
		return { url: commonJs, format: 'commonjs', shortCircuit: true };
	return await next(specifier, context);
}
