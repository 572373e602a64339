import PDFDocument from 'pdfkit';
import { type Block, type DossierDocument, type FontFiles } from './dossier-document';

const MARGIN = 56;
const FOOTER_GAP = 28;
/** The cover is page 1, the table of contents page 2: sections start after it. */
const TOC_PAGE = 1;

type Pdf = PDFKit.PDFDocument;

/**
 * Lay out a dossier with pdfkit. Runs in the render worker (CPU-bound); pure apart from reading
 * the font files. The fonts are embedded as subsets, so Spanish text renders and extracts on any
 * machine. Each section starts on a new page, so the table of contents (written last, on the
 * page kept for it) can give exact page numbers.
 */
export async function renderPdf(
  document: DossierDocument,
  fonts: FontFiles,
  options: { compress?: boolean } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    compress: options.compress ?? true,
    lang: document.language,
    displayTitle: true,
    // Only the template's title: names never go into the metadata.
    info: { Title: document.title, Creator: 'Resguardo', Producer: 'Resguardo' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('mono', fonts.mono);

  cover(doc, document);
  doc.addPage(); // the table of contents, filled in once the page numbers are known
  const starts = document.sections.map((section) => {
    doc.addPage();
    const page = doc.bufferedPageRange().count;
    doc.addNamedDestination(section.id);
    doc.outline.addItem(section.title);
    doc.font('bold').fontSize(16).text(section.title).moveDown(0.6);
    for (const block of section.blocks) renderBlock(doc, block);
    return page;
  });
  contents(doc, document, starts);
  const pages = footers(doc, document.pageLabel);
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pages };
}

function cover(doc: Pdf, document: DossierDocument): void {
  doc.addPage();
  doc.font('bold').fontSize(22).text(document.cover.title, { align: 'left' }).moveDown(1.5);
  for (const [label, value] of document.cover.lines) field(doc, label, value, 11);
  doc.moveDown(3).font('regular').fontSize(9).fillColor('#444444').text(document.cover.notice);
  doc.fillColor('black');
}

function renderBlock(doc: Pdf, block: Block): void {
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.4).font('bold').fontSize(11).text(block.text).moveDown(0.2);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(10).text(block.text, { align: 'left' }).moveDown(0.5);
      return;
    case 'fields':
      for (const [label, value] of block.rows) field(doc, label, value, 10);
      doc.moveDown(0.3);
      return;
    case 'list':
      doc.font('regular').fontSize(10);
      for (const item of block.items) doc.text(`•  ${item}`, { indent: 0 });
      doc.moveDown(0.4);
      return;
    case 'hash':
      doc.font('regular').fontSize(9).text(`${block.label}: `, { continued: true });
      doc.font('mono').fontSize(8.5).text(block.value).moveDown(0.3);
      return;
  }
}

function field(doc: Pdf, label: string, value: string, size: number): void {
  doc.font('bold').fontSize(size).text(`${label}: `, { continued: true });
  doc.font('regular').fontSize(size).text(value);
}

function contents(doc: Pdf, document: DossierDocument, starts: number[]): void {
  doc.switchToPage(TOC_PAGE);
  doc.x = MARGIN;
  doc.y = MARGIN;
  doc.font('bold').fontSize(16).text(document.tocTitle).moveDown(0.8);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('regular').fontSize(11);
  for (const [index, section] of document.sections.entries()) {
    const y = doc.y;
    doc.text(`${index + 1}. ${section.title}`, MARGIN, y, { width: width - 48, goTo: section.id });
    const after = doc.y;
    doc.text(String(starts[index]), MARGIN + width - 40, y, { width: 40, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  }
}

/** "Page n of N" on every page; the bottom margin is lifted so the footer adds no page. */
function footers(doc: Pdf, label: string): number {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = label.replace('{page}', String(index + 1)).replace('{pages}', String(count));
    doc.font('regular').fontSize(8).fillColor('#444444');
    doc.text(text, MARGIN, doc.page.height - FOOTER_GAP, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  return count;
}
