/**
 * The national service index, offline: a loopback server answering both API generations (the current JSON API with
 * its scores and its five count trees, and the legacy rest.jsp) in their published shapes for three provinces (An Giang, Lai Châu, Cao Bằng), their 2025
 * communes and a few departments. Every value is SAMPLE DATA (deterministic from the agency and the period; the v1
 * envelope's message and an `x-sample-data` header say so); agency names, e-codes and legacy province ids follow
 * the reference (../shared/reference/dvc-index.md). One agency is deliberately unknown to the gazetteer, so the
 * crosswalk's unmatched report has something to show. Tests can make requests fail (`failNext`, `failMatching`).
 * Public surface: `startIndexMirror`, `IndexMirror`, `demoIndexAgencies`, `sampleScores`, `sampleCounts`, `sampleRate`,
 * `DemoIndexAgency`.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadNewSystem } from '../../src/modules/unit/gazetteer-data';

export interface DemoIndexAgency {
  code: string;
  legacyId: string;
  apiId: string;
  name: string;
  kind: 'province' | 'department' | 'commune';
  provinceCode: string;
}

const PROVINCES = [
  { gso: '91', code: 'H01', legacyId: '398126', type: 'tỉnh' },
  { gso: '12', code: 'H35', legacyId: '420192', type: 'tỉnh' },
  { gso: '04', code: 'H14', legacyId: '410516', type: 'tỉnh' },
];
const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế'];
const TYPE_WORD: Record<string, string> = { xa: 'xã', phuong: 'phường', dac_khu: 'Đặc khu' };

function uuid(n: number): string {
  return `019d0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

let cached: DemoIndexAgency[] | null = null;

/** The mirror's agencies: 3 provinces, 4 departments each, every 2025 commune, and one unknown commune. */
export function demoIndexAgencies(): DemoIndexAgency[] {
  if (cached) return cached;
  const units = loadNewSystem().units;
  const out: DemoIndexAgency[] = [];
  let seq = 1;
  for (const p of PROVINCES) {
    const province = units.find((u) => u.code === p.gso && !u.parentCode)!;
    const suffix = `${p.type} ${province.shortName}`;
    out.push({ code: p.code, legacyId: p.legacyId, apiId: uuid(seq++), name: `UBND ${suffix}`, kind: 'province', provinceCode: p.code });
    DEPARTMENTS.forEach((d, i) => out.push({
      code: `${p.code}.${i + 1}`, legacyId: String(900000 + seq), apiId: uuid(seq++), name: `${d} - ${suffix}`, kind: 'department', provinceCode: p.code,
    }));
    const communes = units.filter((u) => u.parentCode === p.gso).sort((a, b) => a.code.localeCompare(b.code));
    communes.forEach((c, i) => out.push({
      code: `${p.code}.${100 + i}`, legacyId: String(900000 + seq), apiId: uuid(seq++),
      name: `UBND ${TYPE_WORD[c.typeVi] ?? c.typeVi} ${c.shortName} - ${suffix}`, kind: 'commune', provinceCode: p.code,
    }));
    if (p.code === 'H01') {
      out.push({ code: 'H01.999', legacyId: String(900000 + seq), apiId: uuid(seq++), name: 'UBND xã Mẫu Thử - tỉnh An Giang', kind: 'commune', provinceCode: p.code });
    }
  }
  cached = out;
  return out;
}

const MAX: Record<string, number> = { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 };

/** Sample scores of an agency for a period key (e.g. "2025-M10"): each group 55-100 % of its maximum, 2 decimals. */
export function sampleScores(code: string, period: string): { groups: Record<string, number>; total: number } {
  const groups: Record<string, number> = {};
  let total = 0;
  for (const g of Object.keys(MAX)) {
    const h = createHash('sha1').update(`${code}|${period}|${g}`).digest();
    const u = h.readUInt32BE(0) / 0xffffffff;
    const v = Math.round(MAX[g] * (0.55 + 0.45 * u) * 100) / 100;
    groups[g] = v;
    total += v;
  }
  return { groups, total: Math.round(total * 100) / 100 };
}

/** Sample dossier counts of an agency for a period: 50-1,049 received, 80-100 % on time, the rest overdue. */
export function sampleCounts(code: string, period: string): { received: number; onTime: number; overdue: number } {
  const h = createHash('sha1').update(`${code}|${period}|counts`).digest();
  const received = 50 + (h.readUInt32BE(0) % 1000);
  const onTime = Math.round(received * (0.8 + 0.2 * (h.readUInt32BE(4) / 0xffffffff)));
  return { received, onTime, overdue: received - onTime };
}

/**
 * Sample numerator and denominator of a rate (`what`: online, payment, satisfaction, digitisation) of an agency for a
 * period: 20-2,019 dossiers, 40-100 % of them counted. The deliberately unknown commune (H01.999) publishes 0/0.
 */
export function sampleRate(code: string, period: string, what: string): { numerator: number; denominator: number } {
  if (code === 'H01.999') return { numerator: 0, denominator: 0 };
  const h = createHash('sha1').update(`${code}|${period}|${what}`).digest();
  const denominator = 20 + (h.readUInt32BE(0) % 2000);
  return { numerator: Math.round(denominator * (0.4 + 0.6 * (h.readUInt32BE(4) / 0xffffffff))), denominator };
}

/** Metric codes of the shape-A answers (reference §8), with their maximum points; the first is the one read. */
const SHAPE_A_METRICS: Record<string, Array<[string, number]>> = {
  satisfaction: [['DOSSIER_RECEIVING_SATISFACTION', 6], ['PETITION_PROCESSING_ON_TIME', 6], ['PETITION_HANDLING_SATISFACTION', 6]],
  digitisation: [['SO_HOA_GIAY_TO_GIAI_QUYET', 4], ['ORIGINAL_RESULT_AVAILABLE', 6], ['ELECTRONIC_CERTIFIED_COPY', 2]],
};

/** The period key of a satisfaction request's fromDate/toDate (whole months). */
function periodOfDates(from: string, to: string): string {
  const [y, m1] = from.split('-').map(Number);
  const m2 = Number(to.split('-')[1]);
  const months = m2 - m1 + 1;
  if (months === 1) return periodOf('month', y, m1);
  if (months === 3) return periodOf('quarter', y, (m1 + 2) / 3);
  if (months === 6) return periodOf('half', y, (m1 + 5) / 6);
  return periodOf('year', y, 1);
}

function periodOf(grain: string, year: number, index: number): string {
  if (grain === 'month') return `${year}-M${String(index).padStart(2, '0')}`;
  if (grain === 'quarter') return `${year}-Q${index}`;
  if (grain === 'half') return `${year}-H${index}`;
  return `${year}-Y`;
}

export interface IndexMirror {
  origin: string;
  /** Requests answered so far. */
  requests(): number;
  /** The next `count` requests get this answer instead (403 WAF page, 429, or a body of an unknown shape). */
  failNext(count: number, kind: 'forbidden' | 'rate-limited' | 'garbage'): void;
  /** The next `count` requests whose (URL-decoded) body contains `text` get this answer instead. */
  failMatching(text: string, count: number, kind: 'forbidden' | 'rate-limited' | 'garbage'): void;
  close(): Promise<void>;
}

/** Start the index mirror on 127.0.0.1 (`port` 0 = any free port). */
export async function startIndexMirror(o: { port?: number; delayMillis?: number } = {}): Promise<IndexMirror> {
  const agencies = demoIndexAgencies();
  let served = 0;
  const faults: Array<'forbidden' | 'rate-limited' | 'garbage'> = [];
  const targeted: Array<{ text: string; kind: 'forbidden' | 'rate-limited' | 'garbage' }> = [];
  const list = (provinceKey: string | null, period: string) => {
    const rows = agencies.filter((a) => (provinceKey === null ? a.kind === 'province' : a.kind !== 'province' && a.provinceCode === provinceKey))
      .map((a) => ({ a, s: sampleScores(a.code, period) }));
    return rows.sort((x, y) => y.s.total - x.s.total || x.a.code.localeCompare(y.a.code));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mirror.invalid');
      if (req.method === 'GET' && url.pathname === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nAllow: /\n');
        return;
      }
      served++;
      const raw = Buffer.concat(chunks).toString('utf8');
      let decoded = raw;
      try { decoded = decodeURIComponent(raw.replace(/\+/g, ' ')); } catch { /* not form-encoded */ }
      const hit = targeted.findIndex((t) => decoded.includes(t.text));
      const fault = hit >= 0 ? targeted.splice(hit, 1)[0].kind : faults.shift();
      if (fault === 'forbidden') {
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end('<html><body>The requested URL was rejected. WAF Request Rejected.</body></html>');
        return;
      }
      if (fault === 'rate-limited') {
        res.writeHead(429, { 'retry-after': '0' });
        res.end();
        return;
      }
      const body = raw;
      const answer = (status: number, json: unknown) => setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-sample-data': 'true' });
        res.end(fault === 'garbage' ? JSON.stringify({ result: 'maintenance', rows: null }) : JSON.stringify(json));
      }, o.delayMillis ?? 0);
      try {
        if (req.method === 'POST' && url.pathname === '/api/v1/reporting/evaluation/service-results') {
          const q = JSON.parse(body) as { timeType: string; year: number; month?: number; quarter?: number; rootDepartmentId?: string };
          const period = periodOf(q.timeType, q.year, q.month ?? q.quarter ?? 1);
          const root = q.rootDepartmentId ? agencies.find((a) => a.apiId === q.rootDepartmentId && a.kind === 'province') : null;
          const rows = list(root ? root.code : null, period).map(({ a, s }) => ({
            departmentId: a.apiId, departmentName: a.name, departmentCode: a.code, totalScore: s.total, ratio: s.total,
            scoreDelta: null, childGroup: a.kind === 'province' ? null : a.kind === 'commune' ? 'COMMUNE' : 'AGENCY',
            level: a.kind === 'commune' ? 'COMMUNE' : 'PROVINCE', groupScores: s.groups,
          }));
          answer(201, { code: 'OK', message: 'DỮ LIỆU MẪU (sample data, not real scores)', data: { overview: { totalMaxScore: 100 }, evaluation: rows } });
          return;
        }
        if (req.method === 'POST' && url.pathname === '/api/v1/reporting/evaluation/dvc-progress-tree') {
          const q = JSON.parse(body) as { timeType: string; year: number; month?: number; quarter?: number; rootDepartmentId?: string };
          const period = periodOf(q.timeType, q.year, q.month ?? q.quarter ?? 1);
          const root = agencies.find((a) => a.apiId === q.rootDepartmentId && a.kind === 'province');
          if (!root) { answer(404, { code: 'NOT_FOUND', message: 'unknown department', data: null }); return; }
          const unit = (a: DemoIndexAgency, parent: boolean) => {
            const c = sampleCounts(a.code, period);
            const base = { departmentId: a.apiId, departmentName: a.name, departmentCode: a.code, totalReceived: c.received };
            return parent
              ? { ...base, totalCompleted: c.received, level: 'PROVINCE', departmentType: 'PROVINCE' }
              : { ...base, totalOnTime: c.onTime, totalOverdue: c.overdue, ratio: Math.round((10000 * c.onTime) / c.received) / 100,
                maxScore: 20, childGroup: a.kind === 'commune' ? 'COMMUNE' : 'AGENCY',
                departmentType: a.kind === 'commune' ? 'COMMUNE_PEOPLE_COMMITTEE' : 'PROVINCIAL_DEPARTMENT' };
          };
          const children = agencies.filter((a) => a.kind !== 'province' && a.provinceCode === root.code).map((a) => unit(a, false));
          answer(201, { code: 'OK', message: 'DỮ LIỆU MẪU (sample data, not real counts)', data: { parent: unit(root, true), children } });
          return;
        }
        const tree = /^\/api\/v1\/reporting\/evaluation\/(provide-online-tree|formality-online-payment-tree|handling-satisfaction|dossier-digitized)$/.exec(url.pathname);
        if (req.method === 'POST' && tree) {
          const q = JSON.parse(body) as { timeType?: string; year?: number; month?: number; quarter?: number; fromDate?: string; toDate?: string; rootDepartmentId?: string };
          const what = { 'provide-online-tree': 'online', 'formality-online-payment-tree': 'payment', 'handling-satisfaction': 'satisfaction', 'dossier-digitized': 'digitisation' }[tree[1]]!;
          const period = what === 'satisfaction' ? periodOfDates(String(q.fromDate), String(q.toDate)) : periodOf(String(q.timeType), Number(q.year), q.month ?? q.quarter ?? 1);
          const root = agencies.find((a) => a.apiId === q.rootDepartmentId && a.kind === 'province');
          if (!root) { answer(404, { code: 'NOT_FOUND', message: 'unknown department', data: null }); return; }
          const members = [root, ...agencies.filter((a) => a.kind !== 'province' && a.provinceCode === root.code)];
          const unit = (a: DemoIndexAgency) => ({
            departmentId: a.apiId, departmentName: a.name, departmentCode: a.code,
            ...(a.kind === 'province' ? { level: 'PROVINCE', departmentType: 'PROVINCE' } : {
              childGroup: a.kind === 'commune' ? 'COMMUNE' : 'AGENCY',
              departmentType: a.kind === 'commune' ? 'COMMUNE_PEOPLE_COMMITTEE' : 'PROVINCIAL_DEPARTMENT',
            }),
          });
          const pct = (n: number, d: number) => (d > 0 ? Math.round((10000 * n) / d) / 100 : 100);
          const message = 'DỮ LIỆU MẪU (sample data, not real counts)';
          if (what === 'online') {
            // Channel sums on the parent only; children carry scores only (as the reference describes).
            const r = sampleRate(root.code, period, what);
            const rest = r.denominator - r.numerator;
            const parent = { ...unit(root), channelOnlineSum: r.numerator, channelPostalSum: Math.floor(rest / 5), channelDirectSum: rest - Math.floor(rest / 5),
              channelTotalSum: r.denominator, ratio: pct(r.numerator, r.denominator), totalMaxScore: 12 };
            const children = members.slice(1).map((a) => ({ ...unit(a), score: sampleScores(a.code, period).groups.CLGQ, maxScore: 12 }));
            answer(201, { code: 'OK', message, data: { parent, children } });
            return;
          }
          if (what === 'payment') {
            const row = (a: DemoIndexAgency) => {
              const r = sampleRate(a.code, period, what);
              return { ...unit(a), totalDossierOnlinePaymentSuccess: r.numerator, totalDossierFinancialObligation: r.denominator, ratio: pct(r.numerator, r.denominator), maxScore: 10 };
            };
            answer(201, { code: 'OK', message, data: { parent: row(root), children: members.slice(1).map(row) } });
            return;
          }
          const evaluation = members.map((a) => ({
            ...unit(a),
            metrics: SHAPE_A_METRICS[what].map(([code, max], i) => {
              const r = i === 0 ? sampleRate(a.code, period, what) : sampleRate(a.code, period, `${what}|${code}`);
              const ratio = pct(r.numerator, r.denominator);
              return { code, name: code, numerator: r.numerator, denominator: r.denominator, ratio, score: Math.round(ratio * max) / 100, maxScore: max };
            }),
          }));
          answer(201, { code: 'OK', message, data: { overview: { totalMaxScore: what === 'satisfaction' ? 18 : 22 }, evaluation } });
          return;
        }
        if (req.method === 'POST' && url.pathname === '/jsp/rest.jsp') {
          const params = JSON.parse(new URLSearchParams(body).get('params') ?? '{}') as Record<string, string | number>;
          const grain = Number(params.p_thang) ? 'month' : Number(params.p_quy) ? 'quarter' : Number(params.p_6thang) ? 'half' : 'year';
          const index = Number(params.p_thang) || Number(params.p_quy) || Number(params.p_6thang) || 1;
          const period = periodOf(grain, Number(params.p_nam), index);
          const root = String(params.p_tinh_id) === '0' ? null : agencies.find((a) => a.legacyId === String(params.p_tinh_id) && a.kind === 'province');
          if (String(params.p_tinh_id) !== '0' && !root) { answer(200, []); return; }
          const rows = list(root ? root.code : null, period).map(({ a, s }, i) => ({
            ID: a.legacyId, ID_COQUAN: a.legacyId, TEN: a.name, TEN_COQUAN: a.name, MA_COQUAN: a.code,
            LOAI_COQUAN: a.kind === 'province' ? 1 : a.kind === 'department' ? 2 : 3, CAPDONVIID: a.kind === 'commune' ? 2 : 1,
            ...Object.fromEntries(Object.entries(s.groups).map(([k, v]) => [k, v.toFixed(2)])), TONG_SCORE: s.total.toFixed(2), ROW_STT: i + 1,
          }));
          answer(200, rows);
          return;
        }
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('bad request');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' && o.port) server.listen(0, '127.0.0.1', () => resolve());
      else reject(err);
    });
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => served,
    failNext: (count, kind) => { for (let i = 0; i < count; i++) faults.push(kind); },
    failMatching: (text, count, kind) => { for (let i = 0; i < count; i++) targeted.push({ text, kind }); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
