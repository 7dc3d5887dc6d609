/** The XMP metadata packet's fields: Dublin Core title, creators, description, subjects and language, XML-escaped. */
import { escapeAttr } from '../escape';

/** What the XMP packet says about the book. */
export interface XmpInfo {
  title: string;
  authors: readonly string[];
  subject?: string;
  keywords: readonly string[];
  language: string;
  date: Date;
}

const escape = escapeAttr;

/** The rdf:Description elements of the packet (pdfkit wraps them in x:xmpmeta and rdf:RDF). */
export function xmpDescriptions(info: XmpInfo): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const li = (values: readonly string[]) => values.map((v) => `<rdf:li>${escape(v)}</rdf:li>`).join('');
  const dc = [
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    info.authors.length ? `<dc:creator><rdf:Seq>${li(info.authors)}</rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(info.subject)}</rdf:li></rdf:Alt></dc:description>` : '',
    info.keywords.length ? `<dc:subject><rdf:Bag>${li(info.keywords)}</rdf:Bag></dc:subject>` : '',
    `<dc:language><rdf:Bag><rdf:li>${escape(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    '<dc:format>application/pdf</dc:format>',
  ].join('');
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate>` +
      `<xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>quire</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>quire (pdfkit)</pdf:Producer>` +
      (info.keywords.length ? `<pdf:Keywords>${escape(info.keywords.join(', '))}</pdf:Keywords>` : '') + '</rdf:Description>',
  ].join('\n');
}
