import { artifact, createTaggedPdf, keepWithNext, onEveryPage } from '../core/pdf/tagged-pdf.js';

/** A block of a letter's body. */
export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label–value rows, read as a table with row headers. */
  | { kind: 'facts'; rows: Array<[label: string, value: string]> };

export interface LetterSection {
  heading?: string;
  blocks: LetterBlock[];
}

/** A letter from the organisation, as data: everything the PDF shows, nothing it computes. */
export interface Letter {
  /** The document's title (the PDF's metadata, shown by readers instead of the file name). */
  documentTitle: string;
  /** When the letter was issued; also the PDF's creation date, so the same letter is the same bytes. */
  issuedAt: Date;
  sender: { name: string; addressLines: string[] };
  /** Right of the letterhead: "Dato", "Journalnr." … */
  references: Array<[label: string, value: string]>;
  recipientLines: string[];
  heading: string;
  subheading?: string;
  sections: LetterSection[];
  closing?: { greeting: string; lines: string[] };
  /** In the footer of every page, before the page number. */
  footer: string;
  /**
   * A draft (a preview of a letter not sent): `mark` at the top of every page, and `note` as the body's
   * first paragraph, so a reader, or a screen reader, cannot take it for the letter itself.
   */
  draft?: { mark: string; note: string };
}

const MARGIN = 56;
const SIZE = 10.5;
const GREY = '#444444';
const RULE = '#b0b0b0';
/** A draft's mark: red, as a draft is stamped. */
const DRAFT = '#b00020';

/**
 * Writes a letter as an A4 PDF: tagged (headings, paragraphs, lists and tables in a structure tree
 * in reading order, letterhead rules and page footers as artifacts), its language Danish, its title
 * shown, fonts embedded, page numbers "Side 1 af 2". Nothing in it depends on when or where it is
 * written: the same letter gives the same bytes.
 *
 * Hand-written on pdfkit: no well-kept library lays out a Danish authority's letter; pdfkit (the
 * PDFs' library already) does the tagging.
 */
export function renderLetter(letter: Letter): Promise<Buffer> {
  const { doc, root } = createTaggedPdf({
    title: letter.documentTitle,
    author: letter.sender.name,
    createdAt: letter.issuedAt,
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  const text = (parent: ReturnType<typeof doc.struct>, type: 'P' | 'H1' | 'H2', value: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(value, { ...options, structParent: parent, structType: type } as PDFKit.Mixins.TextOptions);

  // The letterhead: the sender on the left, the references on the right, a rule under both.
  const top = doc.y;
  const head = doc.struct('Sect');
  root.add(head);
  doc
    .font('bold')
    .fontSize(SIZE + 2)
    .fillColor('black');
  text(head, 'P', letter.sender.name, { width: width * 0.55 });
  doc
    .font('regular')
    .fontSize(SIZE - 1)
    .fillColor(GREY);
  for (const line of letter.sender.addressLines) text(head, 'P', line, { width: width * 0.55 });
  const senderBottom = doc.y;
  doc.y = top;
  doc
    .font('regular')
    .fontSize(SIZE - 1)
    .fillColor(GREY);
  for (const [label, value] of letter.references) {
    doc.text(`${label}: ${value}`, MARGIN + width * 0.55, doc.y, {
      width: width * 0.45,
      align: 'right',
      structParent: head,
      structType: 'P',
    } as PDFKit.Mixins.TextOptions);
  }
  doc.y = Math.max(senderBottom, doc.y) + 10;
  doc.x = MARGIN;
  artifact(doc, () =>
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke(),
  );
  doc.moveDown(1.2);

  doc.font('regular').fontSize(SIZE).fillColor('black');
  for (const line of letter.recipientLines) text(head, 'P', line, { width });
  head.end();
  doc.moveDown(1.5);

  const body = doc.struct('Sect');
  root.add(body);
  if (letter.draft) {
    doc.font('bold').fontSize(SIZE).fillColor(DRAFT);
    text(body, 'P', letter.draft.note, { width });
    doc.moveDown(0.8);
  }
  doc
    .font('bold')
    .fontSize(SIZE + 5)
    .fillColor('black');
  text(body, 'H1', letter.heading, { width });
  if (letter.subheading) {
    doc
      .font('regular')
      .fontSize(SIZE + 1)
      .fillColor(GREY);
    text(body, 'P', letter.subheading, { width });
  }
  doc.moveDown(0.8);

  for (const section of letter.sections) {
    const part = doc.struct('Sect');
    body.add(part);
    if (section.heading) {
      keepWithNext(doc, 60);
      doc
        .font('bold')
        .fontSize(SIZE + 1)
        .fillColor('black');
      text(part, 'H2', section.heading, { width });
      doc.moveDown(0.3);
    }
    for (const block of section.blocks) {
      doc.font('regular').fontSize(SIZE).fillColor('black');
      if (block.kind === 'paragraph') {
        text(part, 'P', block.text, { width, lineGap: 1.5 });
      } else if (block.kind === 'list') {
        const list = doc.struct('L');
        part.add(list);
        doc.list(block.items, MARGIN + 6, doc.y, {
          width: width - 6,
          bulletRadius: 1.8,
          textIndent: 12,
          lineGap: 1.5,
          structParent: list,
        } as PDFKit.Mixins.TextOptions);
        list.end();
        doc.x = MARGIN;
      } else {
        keepWithNext(doc, 40);
        doc.table({
          structParent: part,
          columnStyles: [{ width: width * 0.32 }, { width: width * 0.68 }],
          defaultStyle: { border: { top: 0, bottom: 0.5, left: 0, right: 0 }, borderColor: RULE, padding: { top: 4, bottom: 4, left: 0, right: 6 } },
          data: block.rows.map(([label, value]) => [
            { text: label, type: 'TH', scope: 'row', font: { src: 'bold', size: SIZE - 0.5 } },
            { text: value, font: { src: 'regular', size: SIZE - 0.5 } },
          ]),
        } as never);
        doc.x = MARGIN;
      }
      doc.moveDown(0.6);
    }
    part.end();
    doc.moveDown(0.4);
  }

  if (letter.closing) {
    keepWithNext(doc, 70);
    const closing = doc.struct('Sect');
    body.add(closing);
    doc.font('regular').fontSize(SIZE).fillColor('black');
    text(closing, 'P', letter.closing.greeting, { width });
    doc.moveDown(0.8);
    for (const line of letter.closing.lines) text(closing, 'P', line, { width });
    closing.end();
  }
  body.end();
  root.end();

  // Page footers, once the number of pages is known; a draft's mark above each page's text.
  onEveryPage(doc, (page, pages) => {
    if (letter.draft) {
      doc
        .font('bold')
        .fontSize(SIZE + 1)
        .fillColor(DRAFT);
      doc.text(letter.draft.mark, MARGIN, MARGIN / 2 - 4, { width, align: 'center', lineBreak: false });
    }
    const y = doc.page.height - MARGIN + 4;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(MARGIN + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc
      .font('regular')
      .fontSize(SIZE - 2)
      .fillColor(GREY);
    doc.text(letter.footer, MARGIN, y, { width: width * 0.75, lineBreak: false });
    doc.text(`Side ${page} af ${pages}`, MARGIN + width * 0.75, y, { width: width * 0.25, align: 'right', lineBreak: false });
  });
  doc.end();
  return done;
}
