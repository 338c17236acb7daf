import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Ajv4 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
const oscal = JSON.parse(readFileSync('schemas/vendor/oscal/oscal_assessment-results_schema.json','utf8'));
const a = new Ajv({allErrors:true, strict:false}); addFormats(a); const vo=a.compile(oscal);
console.log('oscal', vo(JSON.parse(readFileSync('/tmp/reports-out.oscal','utf8'))), JSON.stringify(vo.errors?.slice(0,6),null,0));
const sarif = JSON.parse(readFileSync('schemas/vendor/sarif/sarif-schema-2.1.0.json','utf8'));
const b = new Ajv4({allErrors:true, strict:false}); addFormats(b); const vs=b.compile(sarif);
console.log('sarif', vs(JSON.parse(readFileSync('/tmp/reports-out.sarif','utf8'))), JSON.stringify(vs.errors?.slice(0,6)));
try { const c = new Ajv({allErrors:true}); addFormats(c); c.compile(oscal); console.log('oscal strict ok'); } catch(e) { console.log('oscal strict:', e.message.slice(0,200)); }
try { const c = new Ajv4({allErrors:true}); addFormats(c); c.compile(sarif); console.log('sarif strict ok'); } catch(e) { console.log('sarif strict:', e.message.slice(0,200)); }
