import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** DejaVu Sans, embedded: every glyph of Danish (æ, ø, å) and of the kommuner's own texts. */
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface TaggedPdfOptions {
  /** The document's title: the PDF's metadata, shown by readers instead of the file name. */
  title: string;
  author: string;
  /** Also the PDF's creation date, so the same document is the same bytes. */
  createdAt: Date;
  layout?: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * A new A4 document as every PDF of the system is made: tagged (a structure tree in reading order), its
 * language Danish, its title shown, the fonts `regular` and `bold` registered and embedded, pages kept
 * until the end so footers can say "Side 1 af 3". The caller builds the structure under `root` and
 * ends it.
 */
export function createTaggedPdf(options: TaggedPdfOptions): { doc: PDFKit.PDFDocument; root: PDFKit.PDFStructureElement } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Creator: 'Tilskud', Producer: 'Tilskud', CreationDate: options.createdAt },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root };
}

/** Content that is not part of the document's text (rules, footers, repeated headers), marked so assistive technology skips it. */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' } as never);
  draw();
  doc.endMarkedContent();
}

/** Starts a new page when less than `points` is left, so a heading never ends a page alone. */
export function keepWithNext(doc: PDFKit.PDFDocument, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * Draws on every page once the number of pages is known (footers), as an artifact, with the bottom
 * margin lifted: text there would otherwise make pdfkit start a new page.
 */
export function onEveryPage(doc: PDFKit.PDFDocument, draw: (page: number, pages: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, () => draw(index - range.start + 1, range.count));
    doc.page.margins.bottom = bottom;
  }
}
