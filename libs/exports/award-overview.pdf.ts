import type { Writable } from 'node:stream';
import { formatDateTime, formatKroner } from '../core/format/danish.js';
import { artifact, createTaggedPdf, onEveryPage } from '../core/pdf/tagged-pdf.js';
import { belowMinimumMark, isBelowMinimum, type Overview, overviewSummary } from './award-overview.js';

export type { Overview, OverviewRow } from './award-overview.js';

const MARGIN = 36;
const FOOTER = 22;
const SIZE = 7.5;
const PADDING = 4;
const GREY = '#444444';
const RULE = '#9a9a9a';
/** The mark of an award below the minimum: dark red, well above the contrast a reader needs. */
const MARK = '#9b1c1c';
const COLUMNS = [
  { title: 'Ansøger', width: 0.17 },
  { title: 'Projektbeskrivelse', width: 0.42 },
  { title: 'Begrundelse', width: 0.3 },
  { title: 'Bevilget beløb', width: 0.11 },
];

/** A piece of a cell: a paragraph, or a bulleted item of a list; measured and drawn by the same rules. */
interface Block {
  text: string;
  kind: 'p' | 'item';
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right';
  /** Space after the block. */
  gap?: number;
}

const BULLET_INDENT = 8;
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The published award overview, regenerated from the database, A4 landscape: who publishes it and when
 * it was produced, then one row per award (applicant, project description, rationale, amount; an award
 * below the programme's minimum marked), then the total against the frame of budget and adjustments.
 * Tagged like the letters: headings, paragraphs and a table with header cells in a structure tree in
 * reading order, its language Danish; rules, repeated headers and page footers are artifacts.
 */
export function writeAwardOverviewPdf(overview: Overview, output: Writable): void {
  const produced = formatDateTime(overview.producedAt);
  const { doc, root } = createTaggedPdf({
    title: `Tilsagnsoversigt: ${overview.programmeName}`,
    author: overview.organisation,
    createdAt: overview.producedAt,
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
  });
  doc.pipe(output);

  const tableWidth = doc.page.width - 2 * MARGIN;
  const widths = COLUMNS.map((column) => column.width * tableWidth);
  const lefts = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const rule = (y: number, width: number) =>
    artifact(doc, () =>
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + tableWidth, y)
        .lineWidth(width)
        .strokeColor(RULE)
        .stroke(),
    );

  const style = (block: Block) =>
    doc
      .font(block.bold ? 'bold' : 'regular')
      .fontSize(SIZE)
      .fillColor(block.color ?? 'black');
  const blockWidth = (block: Block, width: number) => (block.kind === 'item' ? width - BULLET_INDENT : width);
  const measure = (blocks: Block[], width: number) =>
    blocks.reduce((height, block) => {
      style(block);
      return height + doc.heightOfString(block.text, { width: blockWidth(block, width) }) + (block.gap ?? 0);
    }, 0);
  /** Draws a cell's blocks into its structure element: paragraphs as P, bulleted items as a list. */
  const draw = (cell: PDFKit.PDFStructureElement, blocks: Block[], x: number, top: number, width: number) => {
    let y = top;
    let list: PDFKit.PDFStructureElement | null = null;
    for (const block of blocks) {
      style(block);
      if (block.kind === 'item') {
        if (!list) {
          list = doc.struct('L');
          cell.add(list);
        }
        const item = doc.struct('LI');
        list.add(item);
        item.add(doc.struct('Lbl', {}, () => doc.text('•', x, y, { lineBreak: false })));
        doc.text(block.text, x + BULLET_INDENT, y, { width: width - BULLET_INDENT, structParent: item, structType: 'LBody' } as PDFKit.Mixins.TextOptions);
        item.end();
      } else {
        list?.end();
        list = null;
        doc.text(block.text, x, y, { width, align: block.align ?? 'left', structParent: cell, structType: 'P' } as PDFKit.Mixins.TextOptions);
      }
      y = doc.y + (block.gap ?? 0);
    }
    list?.end();
  };

  // Who publishes it and when it was produced, then the title.
  const head = doc.struct('Sect');
  root.add(head);
  doc.font('bold').fontSize(10).fillColor('black');
  doc.text(overview.organisation, MARGIN, MARGIN, { width: tableWidth * 0.6, structParent: head, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.font('regular').fontSize(9).fillColor(GREY);
  doc.text(`Dannet ${produced}`, MARGIN + tableWidth * 0.6, MARGIN + 1, {
    width: tableWidth * 0.4,
    align: 'right',
    structParent: head,
    structType: 'P',
  } as PDFKit.Mixins.TextOptions);
  doc.font('bold').fontSize(15).fillColor('black');
  doc.text('Tilsagnsoversigt', MARGIN, MARGIN + 20, { width: tableWidth, structParent: head, structType: 'H1' } as PDFKit.Mixins.TextOptions);
  doc.font('regular').fontSize(11);
  doc.text(overview.programmeName, { width: tableWidth, structParent: head, structType: 'P' } as PDFKit.Mixins.TextOptions);
  head.end();
  doc.moveDown(0.8);

  const table = doc.struct('Table');
  root.add(table);
  const HEADER_HEIGHT = 18;
  /** The column headings: in the structure once, as header cells; repeated on later pages as artifacts. */
  const header = (tagged: boolean) => {
    const top = doc.y;
    const row = tagged ? doc.struct('TR') : null;
    if (row) table.add(row);
    doc
      .font('bold')
      .fontSize(SIZE + 1)
      .fillColor('black');
    COLUMNS.forEach((column, index) => {
      const options = { width: widths[index] - 2 * PADDING, align: index === 3 ? 'right' : 'left', lineBreak: false } as const;
      if (row) {
        const cell = doc.struct('TH', { scope: 'Column' } as never);
        row.add(cell);
        doc.text(column.title, lefts[index] + PADDING, top + PADDING, { ...options, structParent: cell, structType: 'P' } as PDFKit.Mixins.TextOptions);
        cell.end();
      } else {
        artifact(doc, () => doc.text(column.title, lefts[index] + PADDING, top + PADDING, options));
      }
    });
    row?.end();
    rule(top + HEADER_HEIGHT, 0.8);
    doc.y = top + HEADER_HEIGHT;
  };
  header(true);

  for (const row of overview.rows) {
    const below = isBelowMinimum(row, overview);
    const cells: Block[][] = [
      [
        { kind: 'p', text: row.applicant, bold: true, gap: 2 },
        { kind: 'p', text: row.caseNumber, color: GREY, gap: 5 },
        { kind: 'p', text: `Titel: ${row.title}` },
      ],
      [
        ...paragraphs(row.purpose).map((text): Block => ({ kind: 'p', text, gap: 4 })),
        ...(row.activities.length > 0
          ? [{ kind: 'p', text: 'Projektet går ud på at:', gap: 1 } as Block, ...row.activities.map((text): Block => ({ kind: 'item', text, gap: 1 }))]
          : []),
      ],
      paragraphs(row.rationale).map((text): Block => (text.startsWith('• ') ? { kind: 'item', text: text.slice(2), gap: 3 } : { kind: 'p', text, gap: 3 })),
      [
        { kind: 'p', text: formatKroner(row.amountOre), bold: true, align: 'right', gap: 4 },
        ...(below ? [{ kind: 'p', text: belowMinimumMark(overview), color: MARK, align: 'right' } as Block] : []),
      ],
    ];
    const height = Math.max(...cells.map((blocks, index) => measure(blocks, widths[index] - 2 * PADDING))) + 2 * PADDING;
    if (doc.y + height > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      header(false);
    }
    const top = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    cells.forEach((blocks, index) => {
      // The applicant is the row's header: a reader hears whose project a description or amount is.
      const cell = doc.struct(index === 0 ? 'TH' : 'TD', (index === 0 ? { scope: 'Row' } : {}) as never);
      tr.add(cell);
      draw(cell, blocks, lefts[index] + PADDING, top + PADDING, widths[index] - 2 * PADDING);
      cell.end();
    });
    tr.end();
    doc.y = top + height;
    rule(doc.y, 0.3);
  }
  table.end();

  // The total, then the frame (in red when the awards exceed it), then the awards below the minimum (red).
  const summary = overviewSummary(overview);
  const lines = [
    { text: summary.total, bold: true, color: 'black' },
    { text: summary.frame, bold: false, color: summary.overFrameOre > 0n ? MARK : 'black' },
    ...(summary.belowMinimum ? [{ text: summary.belowMinimum, bold: false, color: MARK }] : []),
  ];
  if (doc.y + 16 + 14 * lines.length > bottom()) {
    doc.addPage();
    doc.y = MARGIN;
  }
  const totals = doc.struct('Sect');
  root.add(totals);
  doc.y += 10;
  for (const line of lines) {
    doc
      .font(line.bold ? 'bold' : 'regular')
      .fontSize(line.bold ? 10 : 8.5)
      .fillColor(line.color);
    doc.text(line.text, MARGIN, doc.y + (line.bold ? 0 : 2), {
      width: tableWidth,
      align: 'right',
      structParent: totals,
      structType: 'P',
    } as PDFKit.Mixins.TextOptions);
  }
  totals.end();
  root.end();

  const footer = `${overview.organisation} · Tilsagnsoversigt: ${overview.programmeName} · dannet ${produced}`;
  onEveryPage(doc, (page, pages) => {
    const y = doc.page.height - MARGIN - 4;
    doc
      .moveTo(MARGIN, y - 5)
      .lineTo(MARGIN + tableWidth, y - 5)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor(GREY);
    doc.text(footer, MARGIN, y, { width: tableWidth * 0.8, lineBreak: false });
    doc.text(`Side ${page} af ${pages}`, MARGIN + tableWidth * 0.8, y, { width: tableWidth * 0.2, align: 'right', lineBreak: false });
  });
  doc.end();
}
