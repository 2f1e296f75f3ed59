/**
 * Every PDF the app writes (decision letters, commission agenda, DSU export, right-of-access
 * copy, agenda) starts here, so that all of them:
 * - print every character they are given: the standard PDF fonts only know Windows-1252
 *   ("→" came out as "!’"), so a full Unicode TrueType font shipped in `resources/fonts/`
 *   (DejaVu Sans, licence beside it) is embedded, subset to the glyphs used;
 * - are tagged PDFs (RGAA 13.3): language fr-FR, a title shown by the reader, every text in a
 *   structure element (H1, H2, P…) of one `Document` element, decoration and page footers
 *   marked as artifacts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { PasseurError } from './errors';
import { frLongDate } from './french';

/** The three faces the documents use, registered under these names. */
export const FONT = { regular: 'Passeur-Regular', bold: 'Passeur-Bold', italic: 'Passeur-Italic' } as const;
const FILES: Record<keyof typeof FONT, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' };

/**
 * The folder holding the fonts: beside the packaged app (`process.resourcesPath/resources`,
 * electron-builder's extraResources), else the project's `resources/` found by walking up
 * from this file (sources under Vitest, `out/main` under `passeur serve`).
 */
export function fontDir(resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath, here = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates: string[] = [];
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'resources', 'fonts'));
  let dir = here;
  for (let i = 0; i < 5; i++) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    dir = path.dirname(dir);
  }
  const found = candidates.find((c) => existsSync(path.join(c, FILES.regular)));
  if (!found) throw new PasseurError('internal', 'Les polices des documents PDF sont introuvables : réinstallez l’application (dossier resources/fonts manquant).');
  return found;
}

/** « word » with no-break spaces, so that a line never starts with » nor ends with «. */
export const guillemets = (s: string): string => s.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');

export interface PdfOptions {
  /** The document's title, shown by the reader in place of the file name. */
  title: string;
  author: string;
  margin: number;
  subject?: string;
  /** Portrait unless told (a list read across, such as the agenda's reminders). */
  layout?: 'portrait' | 'landscape';
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** The text width between the margins. */
  width: number;
  margin: number;
  /** The structure root every text is tagged under (set `structParent` to nest elsewhere). */
  root: PDFKit.PDFStructureElement;
  /** Draws decoration (rules, logo, footers) outside the document's logical content. */
  artifact(draw: () => void, type?: 'Layout' | 'Pagination'): void;
  /** A horizontal rule at the current line, as decoration. */
  rule(color?: string): void;
  /** A section's title (H2) and its rule, on a new page when too little room is left for it and a first line. */
  heading(title: string): void;
  /** One « label : value » line (an em dash for an empty value). */
  line(label: string, value: string): void;
  /** A line in italics saying what is absent or withheld. */
  none(text: string): void;
  /** Writes `text` on every page's bottom margin, followed by "page i sur n". */
  footer(text: string): void;
  /** Ends the document and resolves to its bytes. */
  end(): Promise<Buffer>;
}

/**
 * Opens an A4 PDF with the embedded fonts and tagging. Every `doc.text` is tagged: as `P`
 * unless its options give another `structType` (`H1`, `H2`…), under `root` unless they give
 * another `structParent`; inside `artifact()` nothing is tagged.
 */
export function openPdf(o: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.layout ?? 'portrait',
    margin: o.margin,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: o.title, Author: o.author, ...(o.subject ? { Subject: o.subject } : {}) },
  });
  const dir = fontDir();
  for (const [face, name] of Object.entries(FONT)) doc.registerFont(name, path.join(dir, FILES[face as keyof typeof FONT]));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);

  let inArtifact = false;
  const raw = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  // French guillemets keep their word on the same line (no-break spaces inside « »).
  const text = (...args: unknown[]) => raw(...args.map((a, i) => (i === 0 && typeof a === 'string' ? guillemets(a) : a)));
  // Tag each text: the last argument is its options when it is an object.
  (doc as { text: unknown }).text = (...args: unknown[]) => {
    if (inArtifact) return text(...args);
    const last = args[args.length - 1];
    const opts = last && typeof last === 'object' ? (last as PDFKit.Mixins.TextOptions) : undefined;
    const withTag = { ...(opts ?? {}), structParent: opts?.structParent ?? root, structType: opts?.structType ?? 'P' };
    return opts ? text(...args.slice(0, -1), withTag) : text(...args, withTag);
  };

  const width = doc.page.width - 2 * o.margin;
  const artifact = (draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') => {
    inArtifact = true;
    doc.markContent('Artifact', { type });
    try {
      draw();
    } finally {
      doc.endMarkedContent();
      inArtifact = false;
    }
  };
  const rule = (color = '#1d3557') => {
    const y = doc.y + 2;
    artifact(() => doc.moveTo(o.margin, y).lineTo(o.margin + width, y).strokeColor(color).lineWidth(0.5).stroke());
  };
  return {
    doc,
    width,
    margin: o.margin,
    root,
    artifact,
    rule,
    heading(title: string) {
      if (doc.y > doc.page.height - 170) doc.addPage();
      doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor('#1d3557').text(title, { width, structType: 'H2' });
      rule();
      doc.moveDown(0.4).font(FONT.regular).fontSize(10).fillColor('#000');
    },
    line(label: string, value: string) {
      doc.font(FONT.bold).text(`${label} : `, { continued: true, width }).font(FONT.regular).text(value || '—');
    },
    none(text: string) {
      doc.font(FONT.italic).text(text, { width }).font(FONT.regular);
    },
    footer(label: string) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc.page.margins.bottom = 0; // the footer sits in the margin; no page break for it
        artifact(() => {
          doc.font(FONT.regular).fontSize(8).fillColor('#666').text(`${label ? `${label} — ` : ''}page ${i + 1} sur ${range.count}`, o.margin, doc.page.height - 40, { width, align: 'center', lineBreak: false });
        }, 'Pagination');
      }
    },
    end() {
      root.end();
      doc.end();
      return done;
    },
  };
}

/**
 * Why an image cannot be a letter's logo, in French, or null when it can: a PNG or JPEG
 * whose bytes say so, that pdfkit can read (an interlaced or damaged PNG is refused here
 * rather than at the first letter).
 */
export function logoProblem(mime: string, data: Buffer, maxBytes: number): string | null {
  if (data.length === 0) return 'Logo : le fichier est vide. Choisissez une image PNG ou JPEG.';
  if (data.length > maxBytes) return `Logo trop volumineux (${Math.ceil(data.length / 1000)} Ko) : 500 Ko au plus. Réduisez l’image et recommencez.`;
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  if (mime === 'image/png' ? !png : !jpeg) return `Logo : ce fichier n’est pas une image ${mime === 'image/png' ? 'PNG' : 'JPEG'}. Choisissez une image PNG ou JPEG.`;
  try {
    const probe = new PDFDocument({ autoFirstPage: false }) as PDFKit.PDFDocument & { openImage(src: Buffer): { width: number; height: number } };
    const img = probe.openImage(data);
    if (!(img.width > 0 && img.height > 0)) throw new Error('empty');
  } catch {
    return 'Logo : cette image ne peut pas être lue (fichier abîmé ou format non pris en charge). Enregistrez-la à nouveau en PNG ou JPEG.';
  }
  return null;
}

/** The site's postal block as the administrator set it (admin:saveSite). */
export interface SiteBlock {
  name: string;
  serviceName: string;
  addressLines: string[];
  postcode: string;
  city: string;
  phone: string;
}

/**
 * The site's heading on a letter: the service's name as title (the site's name without one),
 * then the site's name only when it says something more — or, with no service name at all,
 * `fallback` (the département's service) —, the address and phone; no line repeats the title.
 */
export function siteHeading(site: SiteBlock, fallback = ''): { title: string; lines: string[] } {
  const title = site.serviceName || site.name;
  const second = site.serviceName ? (site.serviceName.trim() !== site.name.trim() ? site.name : '') : fallback;
  const lines = [second, ...site.addressLines, [site.postcode, site.city].filter(Boolean).join(' ')];
  if (site.phone) lines.push(`Tél. ${site.phone}`);
  return { title, lines: lines.filter((l, i) => l && l.trim() !== title.trim() && lines.indexOf(l) === i) };
}

/**
 * The top of a letter: the site's logo (decoration: its name is written under it) and heading
 * on the left, the recipient's name and postal address placed for a window envelope on the
 * right (about 5 cm from the top), then « Ville, le … ». Leaves the cursor at the left margin.
 */
export function letterHead(pdf: Pdf, o: { site: SiteBlock; fallback?: string; logo?: { data: Buffer } | null; recipient: { name: string; lines: string[] }; today: string }): void {
  const { doc, width, margin } = pdf;
  const half = width / 2 - 10;
  const right = margin + width / 2;
  const head = siteHeading(o.site, o.fallback);
  let headTop = margin;
  if (o.logo) {
    const logo = o.logo;
    pdf.artifact(() => doc.image(logo.data, margin, 34, { fit: [150, 56] }));
    headTop = 34 + 56 + 8;
  }
  doc.font(FONT.bold).fontSize(12).text(head.title, margin, headTop, { width: half });
  doc.font(FONT.regular).fontSize(9.5).fillColor('#333');
  for (const l of head.lines) doc.text(l, { width: half });
  doc.fillColor('#000');
  doc.font(FONT.bold).fontSize(10.5).text(o.recipient.name, right, Math.max(doc.y + 14, 142), { width: half });
  doc.font(FONT.regular);
  for (const l of o.recipient.lines) doc.text(l, right, doc.y, { width: half });
  doc.moveDown(1.2).text(`${o.site.city ? `${o.site.city}, l` : 'L'}e ${frLongDate(o.today)}`, right, doc.y, { width: half });
  doc.x = margin;
  doc.moveDown(1.5);
}

/** A column of `table()`: its header, its width in points, how its cells align. */
export interface PdfColumn {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A table a reader can follow (tagged Table / TR / TH / TD): a header row, then one row per
 * entry, a thin rule under each; a row marked `strong` (a total) is set in bold. A row that
 * would cross the bottom margin starts a new page, where the header row is repeated.
 */
export function table(pdf: Pdf, columns: readonly PdfColumn[], rows: readonly { cells: readonly string[]; strong?: boolean }[], o: { fontSize?: number } = {}): void {
  const { doc, margin, width } = pdf;
  const size = o.fontSize ?? 9.5;
  const t = doc.struct('Table');
  pdf.root.add(t);
  const row = (cells: readonly string[], kind: 'header' | 'body' | 'strong') => {
    const tr = doc.struct('TR');
    t.add(tr);
    const top = doc.y;
    let x = margin;
    let bottom = top;
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.font(kind === 'body' ? FONT.regular : FONT.bold).fontSize(size).fillColor('#000').text(c, x + 2, top, { width: col.width - 4, align: col.align ?? 'left', structParent: tr, structType: kind === 'header' ? 'TH' : 'TD' });
      bottom = Math.max(bottom, doc.y);
      x += col.width;
    });
    tr.end();
    pdf.artifact(() => doc.moveTo(margin, bottom + 2).lineTo(margin + width, bottom + 2).strokeColor(kind === 'header' ? '#1d3557' : '#999').lineWidth(0.5).stroke());
    doc.x = margin;
    doc.y = bottom + 5;
  };
  const header = columns.map((c) => c.label);
  row(header, 'header');
  for (const r of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) {
      doc.addPage();
      row(header, 'header');
    }
    row(r.cells, r.strong ? 'strong' : 'body');
  }
  t.end();
  doc.x = margin;
}
