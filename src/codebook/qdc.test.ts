import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeGuid } from './guid.ts';
import { codebookSizeProblem, codebookToQdc, MAX_CODEBOOK_BYTES, MAX_CODEBOOK_DEPTH, parseQdc } from './qdc.ts';
import { parseTaxonomyJson } from './json.ts';
import { parseXml } from './xml.ts';
import type { Codebook } from './types.ts';

const taxonomy = parseTaxonomyJson(readFileSync(resolve(import.meta.dirname, '../../data/taxonomy.json'), 'utf8'));
const book: Codebook = { groups: taxonomy.groups, themes: taxonomy.themes };
const known = { themes: book.themes.map((t) => t.id), groups: book.groups.map((g) => g.id) };

describe('REFI-QDA codebook', () => {
  it('writes the 31 bundled themes nested under their 4 groups, in the codebook namespace', () => {
    const root = parseXml(codebookToQdc(book));
    expect(root.name).toBe('CodeBook');
    expect(root.attrs.xmlns).toBe('urn:QDA-XML:codebook:1.0');
    const groups = root.children.find((c) => c.name === 'Codes')!.children;
    expect(groups).toHaveLength(4);
    expect(groups.every((g) => g.attrs.isCodable === 'false')).toBe(true);
    expect(groups.flatMap((g) => g.children.filter((c) => c.name === 'Code'))).toHaveLength(31);
    expect(root.children.some((c) => c.name === 'Sets')).toBe(true);
  });

  it('gives deterministic, well-formed GUIDs that differ between themes', () => {
    expect(codeGuid('theme', 'neglect')).toBe(codeGuid('theme', 'neglect'));
    expect(codeGuid('theme', 'neglect')).not.toBe(codeGuid('group', 'neglect'));
    expect(codeGuid('theme', 'neglect')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(new Set(known.themes.map((id) => codeGuid('theme', id))).size).toBe(31);
    expect(codebookToQdc(book)).toBe(codebookToQdc(book));
  });

  it('round-trips ids, names, descriptions and retired themes through GUIDs', () => {
    const edited = { ...book, themes: book.themes.map((t, i) => (i === 0 ? { ...t, label: 'Curiosity & challenge', retired: true } : t)) };
    const parsed = parseQdc(codebookToQdc(edited), known);
    expect(parsed.errors).toEqual([]);
    expect(parsed.themes).toEqual(edited.themes.map((t) => ({ ...t })).sort((a, b) => book.groups.findIndex((g) => g.id === a.group_id) - book.groups.findIndex((g) => g.id === b.group_id)));
    expect(parsed.groups).toEqual(book.groups);
  });

  it('reads codes from other tools: prefixed names, leaf codes at top level, deeper nesting', () => {
    const xml = `<?xml version="1.0"?><!-- from a QDA tool -->
      <qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0"><qda:Codes>
        <qda:Code guid="x1" name="Risk" isCodable="true"><qda:Code guid="x2" name="Online harm &amp; grooming" isCodable="true">
          <qda:Code guid="x3" name="Sexting" isCodable="true"/></qda:Code></qda:Code>
        <qda:Code guid="x4" name="Loose code" isCodable="true"><qda:Description><![CDATA[a <raw> note]]></qda:Description></qda:Code>
      </qda:Codes></qda:CodeBook>`;
    const parsed = parseQdc(xml, known);
    expect(parsed.errors).toEqual([]);
    expect(parsed.themes.map((t) => [t.id, t.group_id, t.label])).toEqual([
      ['online-harm-grooming', 'risk', 'Online harm & grooming'],
      ['sexting', 'risk', 'Sexting'],
      ['loose-code', 'imported', 'Loose code'],
    ]);
    expect(parsed.themes[2]!.description).toBe('a <raw> note');
    expect(parsed.warnings.join(' ')).toMatch(/nested 2 levels/);
  });

  it('reports unknown XML, broken XML and duplicate names instead of importing them', () => {
    expect(parseQdc('<Project><Codes/></Project>').errors[0]).toMatch(/not a REFI-QDA codebook.*<Project>/);
    expect(parseQdc('<CodeBook><Codes><Code name="a"></CodeBook>').errors[0]).toMatch(/not a readable XML file/);
    expect(parseQdc('not xml at all').errors[0]).toMatch(/not a readable XML file/);
    const dup = parseQdc('<CodeBook><Codes><Code name="G"><Code name="Neglect"/><Code name="neglect"/></Code></Codes></CodeBook>');
    expect(dup.errors).toEqual(['Two codes are named "neglect": theme names must be unique.']);
  });

  it('refuses a codebook nested past its depth limit with a message, not a stack overflow', () => {
    const deep = 100_000;
    const xml = `<CodeBook><Codes>${'<Code name="x">'.repeat(deep)}${'</Code>'.repeat(deep)}</Codes></CodeBook>`;
    const parsed = parseQdc(xml, known);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(new RegExp(`more than ${MAX_CODEBOOK_DEPTH} levels deep.*Flatten the code tree`));
    expect(parsed.themes).toEqual([]);
    // Just inside the limit is still read (deep codes become themes of their top group).
    const inside = MAX_CODEBOOK_DEPTH - 2; // CodeBook and Codes take two levels
    const names = Array.from({ length: inside }, (_, i) => `Code ${i}`);
    const ok = parseQdc(`<CodeBook><Codes>${names.map((n) => `<Code name="${n}">`).join('')}${'</Code>'.repeat(inside)}</Codes></CodeBook>`, known);
    expect(ok.errors).toEqual([]);
    expect(ok.themes).toHaveLength(inside - 1);
  });

  it('refuses a codebook past its size limit before reading it, naming the size and what to export instead', () => {
    expect(codebookSizeProblem(MAX_CODEBOOK_BYTES)).toBeNull();
    expect(codebookSizeProblem(48_000_000)).toMatch(/48\.0 MB, more than the 5 MB a codebook can be.*Export only the codebook/);
    const padded = `<CodeBook><Codes><Code name="G"><Code name="A"><Description>${'x'.repeat(MAX_CODEBOOK_BYTES)}</Description></Code></Code></Codes></CodeBook>`;
    const parsed = parseQdc(padded, known);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(/MB, more than the 5 MB a codebook can be/);
  });
});
