// The seeded PRNG (mulberry32) and small text helpers.
export const DAY_MS = 86_400_000;

/** mulberry32: a tiny 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a, 32 bit. */
export function hashString(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A PRNG stream for (seed, ...labels) with small helpers. */
export function createRng(seed, ...labels) {
	const next = mulberry32(hashString([seed, ...labels].join(':')));
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const hex = (length) => {
		let out = '';
		while (out.length < length) out += Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
		return out.slice(0, length);
	};
	const shuffle = (items) => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	};
	return {
		next,
		int,
		hex,
		shuffle,
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
		sample: (items, n) => shuffle(items).slice(0, n),
		/** RFC 4122 version-4 layout. */
		uuid: () => {
			const h = hex(32);
			const variant = '89ab'[Math.floor(next() * 4)];
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
		},
	};
}

export const iso = (ms) => new Date(ms).toISOString();

export const round1 = (x) => Math.round(x * 10) / 10;

export const slug = (text) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** `https://www.Acme.de/path` → `acme.de`. */
export function domainOf(url) {
	if (typeof url !== 'string' || !url.trim()) return null;
	const host = url
		.trim()
		.toLowerCase()
		.replace(/^[a-z]+:\/\//, '')
		.split(/[/?#]/)[0]
		.replace(/:\d+$/, '')
		.replace(/^www\./, '');
	return host || null;
}

export const ascii = (text) => text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
