import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { type Ore } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans, embedded: every glyph of Danish (æ, ø, å) and of the published texts. */
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface OverviewRow {
  applicant: string;
  title: string;
  purpose: string;
  activities: string[];
  rationale: string;
  amountOre: Ore;
}

export interface Overview {
  programmeName: string;
  budgetOre: Ore;
  rows: OverviewRow[];
}

const MARGIN = 36;
const FONT_SIZE = 7.5;
const PADDING = 4;
const COLUMNS = [
  { title: 'Ansøger', width: 0.17 },
  { title: 'Projektbeskrivelse', width: 0.42 },
  { title: 'Begrundelse', width: 0.3 },
  { title: 'Bevilget beløb', width: 0.11 },
];

/**
 * The published award overview, regenerated from the database: applicant, project description,
 * rationale and awarded amount, with page numbers and the programme's total. A4 landscape.
 */
export function writeAwardOverviewPdf(overview: Overview, output: Writable): void {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: overview.programmeName, Author: 'Tilskud' },
  });
  doc.pipe(output);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);

  const tableWidth = doc.page.width - 2 * MARGIN;
  const widths = COLUMNS.map((column) => column.width * tableWidth);
  const lefts = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const bottom = () => doc.page.height - MARGIN - 14;

  const header = () => {
    const top = doc.y;
    doc.font('bold').fontSize(FONT_SIZE + 1);
    COLUMNS.forEach((column, index) => doc.text(column.title, lefts[index] + PADDING, top + PADDING, { width: widths[index] - 2 * PADDING, lineBreak: false }));
    doc
      .moveTo(MARGIN, top + 18)
      .lineTo(MARGIN + tableWidth, top + 18)
      .lineWidth(0.8)
      .stroke();
    doc.y = top + 18;
  };

  doc.font('bold').fontSize(13).text(overview.programmeName, MARGIN, MARGIN);
  doc.moveDown(0.6);
  header();

  for (const row of overview.rows) {
    const cells = [
      `${row.applicant}\n\nTitel: ${row.title}`,
      `${row.purpose}${row.activities.length ? `\n\nProjektet går ud på at:\n${row.activities.map((activity) => `• ${activity}`).join('\n')}` : ''}`,
      row.rationale,
      formatKroner(row.amountOre),
    ];
    doc.font('regular').fontSize(FONT_SIZE);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * PADDING }))) + 2 * PADDING;
    if (doc.y + height > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const top = doc.y;
    cells.forEach((cell, index) => {
      doc.font(index === 3 ? 'bold' : 'regular').fontSize(FONT_SIZE);
      doc.text(cell, lefts[index] + PADDING, top + PADDING, { width: widths[index] - 2 * PADDING, align: index === 3 ? 'right' : 'left' });
    });
    doc.y = top + height;
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + tableWidth, doc.y)
      .lineWidth(0.3)
      .stroke();
  }

  const total = overview.rows.reduce((sum, row) => sum + row.amountOre, 0n);
  if (doc.y + 40 > bottom()) {
    doc.addPage();
    doc.y = MARGIN;
  }
  doc.moveDown(1).font('bold').fontSize(10);
  doc.text(`I alt bevilget til ${overview.rows.length} projekter: ${formatKroner(total)}`, MARGIN, doc.y, { width: tableWidth, align: 'right' });
  doc.font('regular').fontSize(8.5);
  const difference = overview.budgetOre - total;
  doc.text(
    // Amounts end in "kr.": the parts are set apart with a dot in the middle, never a second full stop.
    `Puljens ramme: ${formatKroner(overview.budgetOre)} · ${difference >= 0n ? `Ikke disponeret: ${formatKroner(difference)}` : `Bevilget ud over rammen: ${formatKroner(-difference)}`}`,
    MARGIN,
    doc.y + 2,
    { width: tableWidth, align: 'right' },
  );

  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index += 1) {
    doc.switchToPage(pages.start + index);
    // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .text(`Side ${index + 1} af ${pages.count}`, MARGIN, doc.page.height - MARGIN + 6, { width: tableWidth, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
}
