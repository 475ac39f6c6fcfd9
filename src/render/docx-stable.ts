/**
 * Makes a DOCX byte-stable. The docx library stamps docProps/core.xml and the ZIP entries with
 * the time of rendering, names chart relationships with random ids (`rIdk3…`) and numbers drawings
 * with a process-wide counter. Timestamps are set to one given instant, random ids renamed in
 * order of appearance, drawings numbered from 1: the same report renders to the same bytes every
 * time (a published version's download never changes).
 */
import JSZip from 'jszip';

const CORE = 'docProps/core.xml';
const RANDOM_ID = /rId[0-9a-z_-]{21}/g;
const XML = /\.(xml|rels)$/;

/** The DOCX (or XLSX) package with its timestamps set to `at`, random ids and counters made stable. */
export async function stabilizeDocx(docx: Buffer, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(docx);
  const stable = new JSZip();
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = new Map<string, string>();
  const stableId = (id: string) => {
    if (!ids.has(id)) ids.set(id, `rIdStable${ids.size + 1}`);
    return ids.get(id) as string;
  };
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir) continue;
    if (!XML.test(name)) {
      const bytes = Buffer.from(await entry.async('uint8array'));
      // The charts' embedded workbooks are ZIP packages stamped the same way.
      const content = name.endsWith('.xlsx') ? await stabilizeDocx(bytes, at) : bytes;
      stable.file(name, content, { date: at, createFolders: false });
      continue;
    }
    let drawing = 0;
    let text = (await entry.async('string')).replace(RANDOM_ID, stableId);
    text = text.replace(/(<wp:docPr id=")\d+/g, (_m, head: string) => `${head}${++drawing}`);
    if (name === CORE)
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
    stable.file(name, text, { date: at, createFolders: false });
  }
  return stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}
