// Deterministic, seeded data for the OpenProspect simulator. No Math.random: every value comes
// from mulberry32 streams derived from (seed, label...), so a given seed always yields the same data.
// data/random.mjs: the PRNG and small text helpers; data/words.mjs: the word lists; data/companies.mjs,
// data/orderResults.mjs: record generators; data/state.mjs: the pre-seeded store.
export { generateCompany, generateJobs, generateProspect, generateWebtech, summarizeJobs, summarizeWebtech } from './data/companies.mjs';
export { generateOrderResults } from './data/orderResults.mjs';
export { createRng, domainOf, hashString, iso, mulberry32 } from './data/random.mjs';
export { createInitialState, entryKey, makeEntry } from './data/state.mjs';
