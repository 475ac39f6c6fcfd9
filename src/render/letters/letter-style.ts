/**
 * Print styles of a letter on top of the report's (REPORT_CSS: 仿宋 三号 body, 小标宋 二号 title):
 * the number line under the title, the salutation flush left, the signature block right-aligned
 * after an empty line (its indents per line from signature.ts, GB/T 9704—2012 7.3.5), kept together.
 */
export const LETTER_CSS = `
.gk-letter .gk-title { margin: 0; }
.gk-letter .gk-docno { text-align: center; text-indent: 0; margin: 0 0 1.75em; }
.gk-letter p.gk-left { text-indent: 0; }
.gk-letter p.gk-right { text-align: right; text-indent: 0; }
.gk-letter p:not(.gk-right) + p.gk-right { margin-top: 1.75em; }
/* The signature block stays on one page with the paragraph before it and the note after it. */
.gk-letter p:has(+ p.gk-right), .gk-letter p.gk-right { break-after: avoid; page-break-after: avoid; }
.gk-letter p { orphans: 2; widows: 2; }
`;
