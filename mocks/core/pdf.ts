/**
 * A small, valid, deterministic PDF 1.4: one A4-size page of monospaced text
 * lines (Courier, the standard font every reader has), a correct xref table,
 * no dates or ids, so the same input gives the same bytes. Enough for packing
 * lists and invoices a vendor returns as documents.
 * @example
 * const bytes = textPdf('Packing list 61203044', ['Line 1', 'Line 2'])
 */
export function textPdf(title: string, lines: readonly string[]): Uint8Array {
  // PDF strings: Latin-1 text with \, ( and ) escaped; anything else becomes '?'.
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1')
  const shown = lines.slice(0, 60)
  const content = [
    'BT',
    '/F1 10 Tf',
    '12 TL',
    '50 800 Td',
    `(${esc(title)}) Tj`,
    'T*',
    ...shown.map((l) => `(${esc(l)}) '`),
    'ET',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title (${esc(title)}) /Producer (vendorsim) >>`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}
