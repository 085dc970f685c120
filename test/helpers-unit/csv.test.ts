import { describe, expect, it } from 'vitest';

import {
	CsvSyntaxError,
	parseCsv,
	parseCsvRows,
	sniffDelimiter,
	toCsv,
} from '../../nodes/OpenProspect/helpers/csv';

describe('toCsv: formula neutralisation', () => {
	const hostile = {
		name: '=HYPERLINK("https://evil.example","Click")',
		city: '+49 30 1234',
		note: '-2+3',
		owner: '@SUM(A1:A9)',
		tab: '\t=1',
		cr: '\r=1',
		safe: "it's fine",
		score: -5,
	};

	it('prefixes a single quote to text that starts with = + - @ tab or CR, by default', () => {
		expect(toCsv([hostile]).split('\r\n')[1]).toBe(
			[
				`"'=HYPERLINK(""https://evil.example"",""Click"")"`,
				"'+49 30 1234",
				"'-2+3",
				"'@SUM(A1:A9)",
				`"'\t=1"`,
				`"'\r=1"`,
				"it's fine",
				'-5',
			].join(','),
		);
	});

	it('neutralises the header too (column names come from the server)', () => {
		expect(toCsv([{ '=cmd': 1 }]).split('\r\n')[0]).toBe("'=cmd");
	});

	it('writes cells as they are when turned off', () => {
		expect(toCsv([hostile], undefined, { neutraliseFormulas: false }).split('\r\n')[1]).toBe(
			[
				`"=HYPERLINK(""https://evil.example"",""Click"")"`,
				'+49 30 1234',
				'-2+3',
				'@SUM(A1:A9)',
				`"\t=1"`,
				`"\r=1"`,
				"it's fine",
				'-5',
			].join(','),
		);
	});
});

describe('parseCsv: delimiters', () => {
	it('reads a semicolon-delimited file (a spreadsheet saved with a German locale)', () => {
		const text =
			'company_name;website_url;city\r\n"Acme; Inc.";https://acme.com;Köln\r\nBeta, AG;;Wien\r\n';
		expect(sniffDelimiter(text)).toBe(';');
		expect(parseCsv(text)).toEqual([
			{ company_name: 'Acme; Inc.', website_url: 'https://acme.com', city: 'Köln' },
			{ company_name: 'Beta, AG', website_url: '', city: 'Wien' },
		]);
	});

	it('reads a tab-delimited file', () => {
		const text = '\uFEFFcompany_name\twebsite_url\nAcme, Inc.\thttps://acme.com\n';
		expect(parseCsv(text)).toEqual([
			{ company_name: 'Acme, Inc.', website_url: 'https://acme.com' },
		]);
	});

	it('keeps commas when the header has more commas than semicolons outside quotes', () => {
		expect(sniffDelimiter('"a;b;c",d\n1;2,3\n')).toBe(',');
		expect(sniffDelimiter('\n\ncompany_name\n')).toBe(',');
	});
});

describe('parseCsvRows: a quote that is never closed', () => {
	it('names the row and the line where the quote opened', () => {
		const text =
			'company_name,city\r\n"Multi\r\nline",Berlin\r\nAcme,"Köln\r\nBeta,Wien\r\nGamma,Graz\r\n';
		expect(() => parseCsvRows(text)).toThrow(new CsvSyntaxError(3, 4));
		expect(() => parseCsvRows(text)).toThrow('opened in row 3 (line 4; the header is row 1)');
	});

	it('reads the same file with the quote closed', () => {
		expect(parseCsvRows('a,b\r\n"x\r\ny",z\r\n')).toEqual([
			['a', 'b'],
			['x\r\ny', 'z'],
		]);
	});
});
