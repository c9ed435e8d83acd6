import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadSourceCatalogue, validateSource, type SourceConfig } from '../../../ingest/sources';
import { createProgress, formatTable } from '../../../ingest/progress';

const valid: SourceConfig = {
  id: 'hcm-quan-3', name: 'Quận 3', family: 'hcmc-sharepoint', baseUrl: 'https://quan3.hochiminhcity.gov.vn',
  listingUrls: ['https://quan3.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?Mode=2'], schedule: '0 6 * * *',
  publisher: { codeSet: 'gso', code: '770' },
};

describe('source catalogue', () => {
  it('the reviewed catalogue file is valid and names real portal families', () => {
    const catalogue = loadSourceCatalogue();
    expect(catalogue.length).toBeGreaterThanOrEqual(5);
    expect(new Set(catalogue.map((s) => s.family))).toEqual(new Set(['hcmc-sharepoint', 'liferay', 'wordpress-newspaper', 'generic']));
    expect(catalogue.every((s) => !s.demo)).toBe(true);
  });

  it.each([
    [{ id: 'Bad Id' }, /id must be a lower-case slug/],
    [{ family: 'joomla' }, /family must be one of/],
    [{ baseUrl: 'ftp://x.gov.vn' }, /must be http or https/],
    [{ listingUrls: [] }, /listingUrls must name at least one/],
    [{ schedule: '61 * * * *' }, /is not a cron expression/],
  ])('rejects %j with a message naming the field', (patch, message) => {
    expect(() => validateSource({ ...valid, ...patch } as SourceConfig)).toThrow(message);
  });

  it('rejects a catalogue that lists a source twice', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cat-')), 'c.json');
    fs.writeFileSync(file, JSON.stringify([valid, valid]));
    expect(() => loadSourceCatalogue(file)).toThrow(/listed twice/);
  });
});

describe('CLI progress', () => {
  it('prints periodic lines, not a bar, when stderr is not a terminal', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => { text += c.toString(); });
    let now = 0;
    const progress = createProgress(out as unknown as NodeJS.WriteStream, () => now);
    progress.update(1, 3, 'a');
    now += 1000;
    progress.update(2, 3, 'b'); // within 5 s of the last line: silent
    now += 1000;
    progress.update(3, 3, 'c'); // the last item always prints
    expect(text.trim().split('\n')).toEqual(['progress 1/3 a', 'progress 3/3 c']);
  });

  it('formats an aligned summary table', () => {
    expect(formatTable(['source', 'figures'], [['quan-3', 12], ['tan-hong', 7]])).toBe(
      'source    figures\n--------  -------\nquan-3         12\ntan-hong        7');
  });
});
