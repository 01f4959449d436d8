const MailComposer = require('nodemailer/lib/mail-composer');
const qp = require('nodemailer/lib/qp');
const { PerformanceObserver } = require('node:perf_hooks');
const b = require('/tmp/el/body.json');
const mode = process.argv[2];
const N = 600;
const gcs = { minor: 0, major: 0, minorMs: 0, majorMs: 0, maxMs: 0 };
new PerformanceObserver((l) => { for (const e of l.getEntries()) { const k = e.detail.kind === 1 ? 'minor' : 'major'; gcs[k]++; gcs[k + 'Ms'] += e.duration; gcs.maxMs = Math.max(gcs.maxMs, e.duration); } }).observe({ entryTypes: ['gc'] });
const fill = (t, vars) => { let r = t; for (const [p, v] of Object.entries(vars)) r = r.split(p).join(v); return r; };
const P = '__MAILLAGE_RECIPIENT__';
// encoded once: segments
const encodeSegments = (t) => t.split(P).map((s) => Buffer.from(qp.wrap(qp.encode(s), 76)));
const segH = encodeSegments(b.html), segT = encodeSegments(b.text);
const rawPart = (type, segs, value) => { const parts = [Buffer.from(`Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`)]; const v = Buffer.from('=\r\n' + qp.wrap(qp.encode(value), 76) + '=\r\n'); segs.forEach((s, i) => { if (i) parts.push(v); parts.push(s); }); return Buffer.concat(parts); };
(async () => {
  const t0 = performance.now(); let bytes = 0;
  for (let i = 0; i < N; i++) {
    const token = 'tok' + String(i).padStart(63, 'x');
    const vars = { [P]: token };
    let opts;
    if (mode === 'raw') opts = { text: { raw: rawPart('text/plain', segT, token) }, html: { raw: rawPart('text/html', segH, token) } };
    else opts = { text: fill(b.text, vars), html: fill(b.html, vars), textEncoding: 'quoted-printable' };
    const msg = await new MailComposer({ from: 'a@b.fr', to: 'x@y.fr', subject: 'Les nouvelles', headers: { 'List-Unsubscribe': fill(b.headers['List-Unsubscribe'], vars) }, ...opts }).compile().build();
    bytes += msg.length;
    if (i === 0 && process.argv[3]) require('fs').writeFileSync(process.argv[3], msg);
  }
  const ms = performance.now() - t0;
  setTimeout(() => console.log(mode, `${(ms / N).toFixed(2)} ms/mail`, `${(bytes / N / 1024).toFixed(1)} kB/mail`, JSON.stringify(gcs)), 100);
})();
