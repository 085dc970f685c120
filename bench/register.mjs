// Import this before anything that imports n8n-workflow (then import the rest dynamically).
import { register } from 'node:module';

register('./n8n-workflow-hook.mjs', import.meta.url);
