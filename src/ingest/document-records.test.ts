import { describe, expect, it } from 'vitest';
import { documentRecords, suggestLink, titleFromFileName, type LinkCandidate } from './document-records.ts';
import { fileKind, signatureProblem } from './file-kinds.ts';
import { decodeText, decodeTextInSlices, sniffDelimiter } from './text-encoding.ts';

const candidates: LinkCandidate[] = [
  { entity_type: 'review', id: 'r-k-war', name: 'Child K', partnership: 'Warwickshire' },
  { entity_type: 'review', id: 'r-k-dor', name: 'Child K', partnership: 'Dorset' },
  { entity_type: 'review', id: 'r-simon', name: 'Simon', partnership: 'Dorset' },
  { entity_type: 'review', id: 'r-a', name: 'Child A', partnership: 'Rotherham' },
  { entity_type: 'briefing', id: 'b-sleep', name: 'Safer sleep 7-minute briefing', partnership: 'Dorset' },
];

describe('suggestLink', () => {
  it('matches a case name in the file name, preferring the named partnership', () => {
    expect(suggestLink('Warwickshire_Child-K_CSPR_final.pdf', candidates)?.id).toBe('r-k-war');
    expect(suggestLink('CSPR Simon (published).docx', candidates)?.id).toBe('r-simon');
    expect(suggestLink('Dorset safer sleep 7 minute briefing.pdf', candidates)?.id).toBe('b-sleep');
  });

  it('suggests nothing when no name fits', () => {
    expect(suggestLink('Annual report 2023.pdf', candidates)).toBeNull();
    expect(suggestLink('Northshire Child Amber CSPR.pdf', candidates)).toBeNull();
    expect(suggestLink('A review of Child K.pdf', candidates)?.name).toBe('Child K');
  });

  it('turns a file name into a title', () => {
    expect(titleFromFileName('Child_K-CSPR final.pdf')).toBe('Child K CSPR final');
  });
});

describe('documentRecords', () => {
  it('splits text into passages linked to the record', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}. ${'Words about the family. '.repeat(20)}`).join('\n\n');
    const { document, passages } = documentRecords({ entity_type: 'review', id: 'r1' }, 'Child K.pdf', 'application/pdf', text);
    expect(document).toMatchObject({ id: 'r1--child-k-pdf', entity_id: 'r1', char_count: text.length });
    expect(passages.length).toBeGreaterThanOrEqual(3);
    expect(passages.every((p) => p.text.length <= 2000 && p.document_id === document.id)).toBe(true);
    expect(passages.map((p) => p.seq)).toEqual(passages.map((_, i) => i));
  });
});

describe('file checks', () => {
  it('accepts known types and explains the rest', () => {
    expect(fileKind('a.PDF', 10)).toEqual({ kind: 'pdf' });
    expect(fileKind('a.jsonl', 10)).toEqual({ kind: 'jsonl' });
    expect(fileKind('a.doc', 10)).toMatchObject({ problem: expect.stringMatching(/save it as \.docx/) });
    expect(fileKind('a.exe', 10)).toMatchObject({ problem: expect.stringMatching(/cannot be imported/) });
    expect(fileKind('a.csv', 0)).toMatchObject({ problem: expect.stringMatching(/empty/) });
    expect(fileKind('big.pdf', 200 * 1024 * 1024)).toMatchObject({ problem: expect.stringMatching(/200 MB, over the 50 MB limit/) });
  });

  it('catches files whose bytes do not match their name', () => {
    expect(signatureProblem('x.pdf', 'pdf', new TextEncoder().encode('hello'))).toMatch(/not a PDF/);
    expect(signatureProblem('x.docx', 'docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toMatch(/password-protected/);
    expect(signatureProblem('x.pdf', 'pdf', new TextEncoder().encode('%PDF-1.4'))).toBeNull();
  });
});

describe('decodeText', () => {
  it('reads UTF-8 and falls back to Windows-1252 with a note', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFZoë £5'), 'a.csv')).toEqual({ text: 'Zoë £5', note: null });
    const latin = decodeText(new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0xa3, 0x35]), 'a.csv');
    expect(latin.text).toBe('Zoë £5');
    expect(latin.note).toMatch(/not UTF-8.*save it as "CSV UTF-8"/);
  });

  it('gives the same text a slice at a time, across a character split between slices and a late Windows-1252 byte', async () => {
    // 4 MiB slices: put a two-byte "ë" across the first boundary.
    const head = 'a'.repeat((1 << 22) - 1);
    const utf8 = new TextEncoder().encode(`\uFEFF${head.slice(1)}ë then £5 and more`);
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await decodeTextInSlices(utf8, 'a.csv', pause)).toEqual(decodeText(utf8, 'a.csv'));
    expect(pauses).toBe(1);
    const latin = new Uint8Array(9_000_000).fill(0x61);
    latin[8_999_999] = 0xeb;
    const sliced = await decodeTextInSlices(latin, 'a.csv', pause);
    expect(sliced).toEqual(decodeText(latin, 'a.csv'));
    expect(sliced.text.endsWith('aë')).toBe(true);
  });

  it('sniffs the delimiter', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3', 'x.csv')).toBe(';');
    expect(sniffDelimiter('a\tb\n', 'x.csv')).toBe('\t');
    expect(sniffDelimiter('a,b', 'x.csv')).toBe(',');
  });
});
