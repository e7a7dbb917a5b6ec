import autocannon from 'autocannon';
import pg from 'pg';
const port = Number(process.env.P ?? 3810);
const which = process.argv[2];
const dur = Number(process.argv[3] ?? 8);
const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/tilskud_bench_large' }); await client.connect();
const programmeId = (await client.query(`SELECT programme_id FROM award GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].programme_id;
const ids = (await client.query(`SELECT id FROM application ORDER BY id LIMIT 2000`)).rows.map((r) => r.id);
await client.end();
const login = async (email) => (await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-adgangskode-2026' }) })).json()).accessToken;
const tokens = { cw: await login('caseworker3@tilskud.bench'), admin: await login('admin@tilskud.bench'), lead: await login('lead101@tilskud.bench') };
const eps = {
  list: [tokens.cw, () => `/api/v1/applications?status=submitted&programmeId=${programmeId}&limit=50`],
  lead: [tokens.lead, () => '/api/v1/applications?limit=50'],
  fts: [tokens.cw, () => `/api/v1/applications?q=ensomhed&limit=50`],
  detail: [tokens.cw, (i) => `/api/v1/applications/${ids[i % ids.length]}`],
  ledger: [tokens.admin, () => `/api/v1/programmes/${programmeId}/ledger`],
  audit: [tokens.admin, () => '/api/v1/audit-events?action=application.awarded&limit=50'],
};
for (const name of which.split(',')) {
  const [token, path] = eps[name];
  let i = 0; const lat = [];
  const r = await new Promise((res, rej) => { const inst = autocannon({ url: `http://127.0.0.1:${port}`, connections: 32, duration: dur, requests: [{ setupRequest: (req) => ({ ...req, path: path(i++), headers: { authorization: `Bearer ${token}` } }) }] }, (e, r) => e ? rej(e) : res(r)); inst.on('response', (_c, _s, _b, t) => lat.push(t)); });
  lat.sort((a, b) => a - b);
  console.log(name, 'rps', Math.round(r.requests.average), 'p50', lat[Math.floor(lat.length * 0.5)]?.toFixed(1), 'p95', lat[Math.floor(lat.length * 0.95)]?.toFixed(1), 'non2xx', r.non2xx, 'bytes/req', Math.round(r.throughput.total / r.requests.total));
}
