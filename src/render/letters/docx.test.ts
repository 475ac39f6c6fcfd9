import { beforeAll, describe, expect, it } from 'vitest';
import { answeredLetterData, SAMPLE_DECISIONS, sampleLetterData } from '../../domain/letters/testing.ts';
import { renderLetterDocx } from './docx.ts';
import { docxPart, docxText } from './testing.ts';

/** The paragraphs (`w:p`) of a document part whose text contains a phrase. */
const paragraphWith = (xml: string, phrase: string): string =>
  xml.split('</w:p>').find((p) => docxText(`${p}</w:p>`).includes(phrase)) ?? '';

describe('renderLetterDocx', () => {
  let xml = '';
  beforeAll(async () => {
    xml = await docxPart(
      await renderLetterDocx('answer.denied', answeredLetterData(SAMPLE_DECISIONS.denied)),
    );
  });

  it('is an A4 portrait page with the GB/T 9704 margins and page numbers', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:footerReference');
  });

  it('opens with the title in 2号 小标宋 and the registration number under it', () => {
    const [title, docNo] = docxText(xml).split('\n');
    expect([title, docNo]).toEqual(['政府信息公开申请答复书', '临港依申请〔2021〕3号']);
    const titleXml = paragraphWith(xml, '政府信息公开申请答复书');
    expect(titleXml).toContain('w:ascii="方正小标宋简体"');
    expect(titleXml).toContain('<w:sz w:val="44"/>');
    expect(titleXml).toContain('<w:jc w:val="center"/>');
  });

  it('sets the body in 3号 仿宋_GB2312, indented two characters', () => {
    const body = paragraphWith(xml, '依法确定为国家秘密');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('w:firstLineChars="200"');
  });

  it('sets the salutation flush left and the signature block right-aligned after an empty line', () => {
    expect(paragraphWith(xml, '李华：')).not.toContain('w:firstLine');
    const name = paragraphWith(xml, '威海临港经济技术开发区管理委员会');
    const date = paragraphWith(xml, '2021年3月8日');
    expect(name).toContain('<w:jc w:val="right"/>');
    expect(name).toMatch(/w:before="579"/);
    expect(name).toMatch(/<w:ind w:right="640"\/>/);
    expect(date).toMatch(/<w:ind w:right="2240"\/>/);
  });

  it('keeps the closing, the signature block and the note on one page', () => {
    for (const phrase of ['特此告知。', '威海临港经济技术开发区管理委员会', '2021年3月8日'])
      expect(paragraphWith(xml, phrase)).toContain('<w:keepNext/>');
    expect(paragraphWith(xml, '联系电话')).not.toContain('<w:keepNext/>');
    expect(paragraphWith(xml, '依法确定为国家秘密')).not.toContain('<w:keepNext/>');
  });

  it('writes the font table with substitutes', async () => {
    const docx = await renderLetterDocx('receipt', sampleLetterData());
    expect(await docxPart(docx, 'word/fontTable.xml')).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>',
    );
  });

  it('keeps the document well formed with markup in a value', async () => {
    const data = sampleLetterData({ applicant: { name: '<script>alert("x")</script>&李华' } });
    const part = await docxPart(await renderLetterDocx('receipt', data));
    expect(part).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;李华');
    expect(docxText(part)).toContain('<script>alert("x")</script>&李华：');
  });

  it('fills an agency’s own template instead of the default', async () => {
    const template = '@left {{applicant.name}}：\n\n本机关已收到您的申请，延长{{extension.days}}个工作日。';
    const text = docxText(await docxPart(await renderLetterDocx('extension', sampleLetterData(), template)));
    expect(text).toContain('本机关已收到您的申请，延长20个工作日。');
    expect(text).not.toContain('第三十三条');
  });
});
