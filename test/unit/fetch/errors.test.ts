/** ingestErrorAction: the one place that maps an error to retry / skip / abort. */
import {
  BodyTooLargeError, CriticalIngestError, FetchError, HttpStatusError, PortalLayoutError, RedirectLoopError, RobotsDisallowedError,
  RobotsUnavailableError, SkipItemError, TooManyRedirectsError, UndecodableBodyError, ingestErrorAction, asTransientDatabaseError,
} from '../../../ingest/errors';

const URL_ = 'https://q3.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?ItemID=1&Mode=1';

describe('ingestErrorAction', () => {
  it.each([
    [FetchError.network(URL_, new Error('ECONNRESET')), 'retry'],
    [FetchError.timeout(URL_, 15000, 'headers'), 'retry'],
    [FetchError.status(URL_, 503, 2000), 'retry'],
    [new HttpStatusError(URL_, 404), 'skip'],
    [new HttpStatusError(URL_, 410), 'skip'],
    [new RobotsDisallowedError(URL_, 'cchc-atlas/0.1'), 'skip'],
    [new RobotsUnavailableError(URL_, 'https://q3.hochiminhcity.gov.vn/robots.txt'), 'skip'],
    [new BodyTooLargeError(URL_, 10), 'skip'],
    [new RedirectLoopError(URL_, ['a', 'b', 'a']), 'skip'],
    [new TooManyRedirectsError(URL_, 5), 'skip'],
    [new UndecodableBodyError(URL_, 'application/pdf'), 'skip'],
    [new PortalLayoutError(URL_, 'hcmc-sharepoint', 'article body'), 'skip'],
    [new CriticalIngestError('database unreachable; check DATABASE_URL'), 'abort'],
    [new TypeError('bug in one item'), 'skip'],
    ['a thrown string', 'skip'],
  ])('%s → %s', (err, action) => {
    expect(ingestErrorAction(err)).toBe(action);
  });

  it('messages name the value and what to do; wrappers keep the cause', () => {
    const cause = new Error('ECONNREFUSED');
    const e = FetchError.network(URL_, cause);
    expect(e.message).toContain(URL_);
    expect(e.message).toContain('retry');
    expect(e.cause).toBe(cause);
    expect(new HttpStatusError(URL_, 404).message).toMatch(/404.*gone/);
    expect(new PortalLayoutError(URL_, 'liferay', 'title').name).toBe('PortalLayoutError');
    expect(new PortalLayoutError(URL_, 'liferay', 'title')).toBeInstanceOf(SkipItemError);
    expect(FetchError.status(URL_, 429, 5000)).toMatchObject({ status: 429, retryAfterMs: 5000, kind: 'status', url: URL_ });
  });

  it('a deadlock or serialization failure while storing is retried; other database errors keep their class', () => {
    // As MikroORM hands them over: the driver's error properties copied onto its exception.
    const deadlock = Object.assign(new Error('insert into index_agency … - deadlock detected'), { code: '40P01' });
    const serialization = Object.assign(new Error('could not serialize access'), { sqlState: '40001' });
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(ingestErrorAction(asTransientDatabaseError(deadlock))).toBe('retry');
    expect(ingestErrorAction(asTransientDatabaseError(serialization))).toBe('retry');
    expect((asTransientDatabaseError(deadlock) as Error).message).toMatch(/40P01.*deadlock detected.*retry/);
    expect(asTransientDatabaseError(unique)).toBe(unique);
    expect(ingestErrorAction(asTransientDatabaseError(unique))).toBe('skip');
  });
});
