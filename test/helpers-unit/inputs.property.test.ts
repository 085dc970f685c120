/**
 * Property-based tests of the checks on values a user, an expression or an AI model gives: IDs
 * (they become URL path segments), ID lists and field masks, Idempotency Keys (HTTP header values)
 * and Limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { idempotencyKeyProblem } from '../../nodes/OpenProspect/helpers/idempotency';
import { FIELD_MASK, ID_LIST, parseNameList } from '../../nodes/OpenProspect/helpers/params';
import {
	idProblem,
	isOpenProspectId,
	isUuid,
	MAX_LIMIT,
	parseLimit,
} from '../../nodes/OpenProspect/helpers/validation';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const idChar = fc.constantFrom(...ID_ALPHABET);
const validId = fc.string({ unit: idChar, minLength: 1, maxLength: 128 });
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const foreignChar = anyChar.filter((char) => !ID_ALPHABET.includes(char));

describe('OpenProspect IDs', () => {
	it('accepts every string of 1 to 128 letters, digits, - and _', () => {
		fc.assert(
			fc.property(validId, (id) => {
				expect(isOpenProspectId(id)).toBe(true);
				expect(idProblem(id)).toBeUndefined();
			}),
		);
	});

	it('refuses any string with one character outside that alphabet, wherever it is', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: idChar, maxLength: 20 }),
				foreignChar,
				fc.string({ unit: idChar, maxLength: 20 }),
				(head, char, rest) => {
					expect(isOpenProspectId(`${head}${char}${rest}`)).toBe(false);
					expect(idProblem(`${head}${char}${rest}`)?.problem).toMatch(/is not an ID/);
				},
			),
		);
	});

	it('never accepts dot segments, slashes, encoded slashes or an over-long ID', () => {
		for (const id of ['.', '..', '../x', 'a/b', '%2F', 'a%2e', '', ' a', 'x'.repeat(129)]) {
			expect(isOpenProspectId(id)).toBe(false);
		}
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				if (/[./\\%?#\s]/.test(text)) expect(isOpenProspectId(text)).toBe(false);
			}),
		);
	});

	it('every UUID is an ID and a UUID; a UUID with anything around it is not a UUID', () => {
		fc.assert(
			fc.property(fc.uuid(), anyChar, (uuid, extra) => {
				expect(isUuid(uuid) && isOpenProspectId(uuid)).toBe(true);
				expect(isUuid(`${uuid}${extra}`)).toBe(false);
			}),
		);
	});
});

describe('ID lists and field masks', () => {
	const ids = fc.array(validId, { minLength: 1, maxLength: 6 });

	it('a comma-separated list of IDs gives the IDs, trimmed, first occurrence first', () => {
		fc.assert(
			fc.property(ids, fc.boolean(), (list, trailingComma) => {
				const text = ` ${list.join(' , ')}${trailingComma ? ',' : ''} `;
				expect(parseNameList(text.trim().split(','), true, ID_LIST)).toEqual([...new Set(list)]);
			}),
		);
	});

	it('an empty element before the end is refused with its position', () => {
		fc.assert(
			fc.property(ids, ids, (before, after) => {
				const values = [...before, ' ', ...after];
				expect(parseNameList(values, true, ID_LIST)).toEqual({
					problem: `element ${before.length + 1} of ${values.length} is empty`,
					hint: expect.stringMatching(/Remove the extra comma/) as unknown,
				});
				// An array from an expression has no "trailing comma": any empty element is refused.
				expect(parseNameList([...before, ''], false, ID_LIST)).toHaveProperty('problem');
			}),
		);
	});

	it('a list of only empty elements is empty (the operation says whether that is allowed)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('', ' ', null, undefined)),
				fc.boolean(),
				(values, text) => {
					expect(parseNameList(values, text, ID_LIST)).toEqual([]);
				},
			),
		);
	});

	it('an element that is not an ID is named in the problem', () => {
		fc.assert(
			fc.property(ids, fc.constantFrom('.', '..', 'a/b', 'x y'), (list, bad) => {
				expect(parseNameList([...list, bad], false, ID_LIST)).toMatchObject({
					problem: `${JSON.stringify(bad)} is not an ID${bad.includes('/') ? ' (it contains / ? or #)' : ' (OpenProspect IDs are 1 to 128 letters, digits, - and _)'}`,
				});
			}),
		);
	});

	it('a field mask takes snake_case field paths and refuses anything else as "not a field name"', () => {
		const segment = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
		const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
		fc.assert(
			fc.property(fc.array(path, { minLength: 1, maxLength: 4 }), (paths) => {
				expect(parseNameList(paths, false, FIELD_MASK)).toEqual([...new Set(paths)]);
			}),
		);
		for (const bad of ['name.', '.name', 'a..b', 'ideal customer profile', '1st', 'name;drop']) {
			expect(parseNameList([bad], false, FIELD_MASK)).toMatchObject({
				problem: expect.stringMatching(/is not a field name/) as unknown,
			});
		}
	});
});

describe('Idempotency Key', () => {
	const printable = fc.string({
		unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
		maxLength: 255,
	});

	it('accepts every printable ASCII key of up to 255 characters', () => {
		fc.assert(
			fc.property(printable, (key) => {
				expect(idempotencyKeyProblem(key)).toBeUndefined();
			}),
		);
	});

	it('refuses a key with any other character, naming its position and code point', () => {
		const other = fc
			.string({ unit: 'binary', minLength: 1, maxLength: 1 })
			.filter((char) => char < ' ' || char > '~');
		fc.assert(
			fc.property(printable, other, printable, (head, char, rest) => {
				const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
				expect(idempotencyKeyProblem(`${head}${char}${rest}`)).toBe(
					`character ${[...head].length + 1} (U+${code}) is not printable ASCII`,
				);
			}),
		);
	});

	it('refuses a key longer than 255 characters', () => {
		expect(idempotencyKeyProblem('k'.repeat(256))).toMatch(/256 characters long; at most 255/);
	});
});

describe('Limit', () => {
	const inRange = fc.integer({ min: 1, max: MAX_LIMIT });
	const spaces = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });

	it('a number, or decimal digits as text (with spaces around), gives the same number', () => {
		fc.assert(
			fc.property(inRange, spaces, spaces, (limit, before, after) => {
				expect(parseLimit(limit)).toBe(limit);
				expect(parseLimit(`${before}${limit}${after}`)).toBe(limit);
				expect(parseLimit(`${before}00${limit}${after}`)).toBe(limit);
			}),
		);
	});

	it('text that is not only decimal digits is not a limit', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				fc.pre(!/^\s*\d+\s*$/.test(text));
				expect(parseLimit(text)).toBeUndefined();
			}),
		);
		for (const text of ['', ' ', '1e3', '0x10', '2.5', '-5', '+5', 'ten', '５']) {
			expect(parseLimit(text)).toBeUndefined();
		}
	});
});
