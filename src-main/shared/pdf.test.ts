import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontDir, FONT, guillemets, openPdf } from './pdf';

function extract(bytes: Buffer) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passeur-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return { text: execFileSync('pdftotext', [file, '-']).toString(), info: execFileSync('pdfinfo', [file]).toString(), file };
}

describe('openPdf', () => {
  it('prints every character it is given, in the embedded font, and nothing in the standard fonts', async () => {
    const pdf = openPdf({ title: 'Essai de caractères', author: 'MDS Test', margin: 50 });
    pdf.doc.font(FONT.bold).fontSize(14).text('Cœur → Ça coûte 1 234,56 € — l’aide « ŒUVRE » ≤ 5,50 €', { width: pdf.width, structType: 'H1' });
    pdf.doc.font(FONT.italic).text('Çà et là : æ ß ð ø ł ș ț ğ ı — 1\u202f000 €', { width: pdf.width });
    pdf.rule();
    pdf.footer('Essai');
    const { text, file } = extract(await pdf.end());
    for (const s of ['→', 'œ', '€', '’', 'Ç', 'Œ', '≤', '«', 'ł', 'ș', 'page 1 sur 1']) expect(text).toContain(s);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/DejaVuSans/);
    expect(fonts).not.toMatch(/Helvetica/);
    // Every font is embedded (the "emb" column) as a subset.
    for (const l of fonts.split('\n').slice(2).filter(Boolean)) expect(l).toMatch(/TrueType.*yes\s+yes/);
  });

  it('is a tagged PDF 1.7 in French whose title the reader shows', async () => {
    const pdf = openPdf({ title: 'Décision n° 2026-001', author: 'MDS Test', margin: 50 });
    pdf.doc.text('Bonjour', { width: pdf.width });
    const bytes = await pdf.end();
    const { info } = extract(bytes);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Décision n° 2026-001/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Lang \(fr-FR\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/S \/Document/);
    expect(raw).toMatch(/\/S \/P/);
    expect(raw).toMatch(/\/StructTreeRoot/);
  });

  it('keeps French guillemets with their word', () => {
    expect(guillemets('le dispositif « Secours » et « Allocation »')).toBe('le dispositif «\u00a0Secours\u00a0» et «\u00a0Allocation\u00a0»');
  });

  it('finds the fonts beside the packaged app first, else in the project’s resources', () => {
    const packaged = mkdtempSync(path.join(os.tmpdir(), 'passeur-res-'));
    mkdirSync(path.join(packaged, 'resources', 'fonts'), { recursive: true });
    copyFileSync(path.join(fontDir(undefined), 'DejaVuSans.ttf'), path.join(packaged, 'resources', 'fonts', 'DejaVuSans.ttf'));
    expect(fontDir(packaged)).toBe(path.join(packaged, 'resources', 'fonts'));
    // The built CLI (out/main) walks up to the project's resources.
    const project = path.resolve(fontDir(undefined), '..', '..');
    expect(fontDir(undefined, path.join(project, 'out', 'main'))).toBe(path.join(project, 'resources', 'fonts'));
    expect(() => fontDir(undefined, os.tmpdir())).toThrow(/polices des documents PDF sont introuvables/);
  });
});
