/** Canonical URLs: one article under several URLs becomes one key. */
import { absoluteUrl, canonicalLiferayUrl, canonicalSharePointUrl, canonicalUrl } from '../../../ingest/portals/canonical-url';

describe('canonical URLs', () => {
  it('SharePoint: path case, + vs %20, Source case and parameter order do not matter; ItemID identifies', () => {
    const a = canonicalSharePointUrl('https://q5.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?Source=%2ftintuc&Category=C%E1%BA%A3i+c%C3%A1ch&ItemID=113&Mode=1');
    const b = canonicalSharePointUrl('https://Q5.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?ItemID=113&Category=C%E1%BA%A3i%20c%C3%A1ch&Mode=1&Source=%2Ftintuc&utm_source=fb#x');
    expect(a).toBe(b);
    expect(a).toBe('https://q5.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&Category=C%E1%BA%A3i+c%C3%A1ch&ItemID=113&Mode=1');
    expect(canonicalSharePointUrl('https://x.vn/tintuc/lists/posts/post.aspx?Category=A&ItemID=114&Mode=1')).not.toBe(a.replace('q5.hochiminhcity.gov.vn', 'x.vn'));
  });

  it('SharePoint listing keeps its page number', () => {
    expect(canonicalSharePointUrl('https://x.vn/tintuc/lists/posts/post.aspx?Source=%2ftintuc&Category=A&Mode=2&Page=3')).toBe(
      'https://x.vn/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&Category=A&Mode=2&Page=3',
    );
  });

  it('Liferay friendly URL: redirect, p_p_auth and jsessionid go', () => {
    expect(canonicalLiferayUrl('https://h.dongthap.gov.vn/chi-tiet/-/asset_publisher/AbCdEf123456/content/bai-viet;jsessionid=9A8B?redirect=https%3A%2F%2Fh.dongthap.gov.vn%2Ftin&p_p_auth=x1')).toBe(
      'https://h.dongthap.gov.vn/chi-tiet/-/asset_publisher/AbCdEf123456/content/bai-viet',
    );
  });

  it('Liferay non-friendly URL: navigation state goes, identifying parameters stay in a stable order', () => {
    const a = canonicalLiferayUrl('https://s.vn/tin?p_p_id=101_INSTANCE_X&p_p_lifecycle=0&_101_INSTANCE_X_assetEntryId=5&_101_INSTANCE_X_cur=3&_101_INSTANCE_X_redirect=%2Ftin');
    const b = canonicalLiferayUrl('https://s.vn/tin?_101_INSTANCE_X_assetEntryId=5&p_p_auth=q&p_p_id=101_INSTANCE_X&_101_INSTANCE_X_delta=20');
    expect(a).toBe(b);
    expect(a).toBe('https://s.vn/tin?_101_INSTANCE_X_assetEntryId=5&p_p_id=101_INSTANCE_X');
  });

  it('generic: fragment and tracking parameters go, the rest stays', () => {
    expect(canonicalUrl('https://X.vn/a?id=3&utm_source=zalo&fbclid=1#top')).toBe('https://x.vn/a?id=3');
  });

  it.each([['javascript:__doPostBack(1)'], ['mailto:a@b.vn'], ['#top'], [''], ['http://[bad']])('absoluteUrl rejects %j', (href) => {
    expect(absoluteUrl(href, 'https://x.vn/')).toBeNull();
  });
});
