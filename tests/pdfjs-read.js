// tests/pdfjs-read.js: read PDFs with pdf.js (Mozilla's reader, as in
// Firefox): every page's text and operator list, counting every warning
// and error pdf.js reports.  Prints each file's text after a "FILE name
// pages" line; exits 1 on any warning or error.  NODE_PATH finds pdfjs-dist.
const pdfjs = require("pdfjs-dist/legacy/build/pdf.js");
const fs = require("fs");
let bad = 0;
const origWarn = console.warn, origLog = console.log;
console.warn = (...a) => { bad++; origLog("WARN " + a.join(" ")); };
// pdf.js reports its warnings through console.log ("Warning: ...").
console.log = (...a) => { const m = a.join(" "); if (/^Warning|^Error/i.test(m)) { bad++; origLog("WARN " + m); } else origLog(m); };
(async () => {
  for (const f of process.argv.slice(2)) {
    try {
      const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(f)), verbosity: 1, useSystemFonts: false, isEvalSupported: false }).promise;
      let text = "";
      for (let i = 1; i <= doc.numPages; i++) {
        const p = await doc.getPage(i);
        const tc = await p.getTextContent();
        text += tc.items.map(x => x.str + (x.hasEOL ? "\n" : "")).join("") + "\n";
        await p.getOperatorList();   // draws nothing, but parses fonts and content
      }
      origLog("FILE " + f + " " + doc.numPages);
      origLog(text);
    } catch (e) { bad++; origLog("ERROR " + f + ": " + e); }
  }
  process.exit(bad ? 1 : 0);
})();
