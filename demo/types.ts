/**
 * Shapes of the offline demo mirror's content. The content (demo/content/**) is sample data written by the team;
 * the renderers (demo/render/**) turn it into pages in each portal family's real markup.
 */
export type PortalFamily = 'hcmc-sharepoint' | 'liferay' | 'wordpress-newspaper' | 'generic';

/** One demo portal (one publishing unit's site). */
export interface DemoSite {
  /** Stable id, also the first path segment on the mirror: http://127.0.0.1:<port>/<id>/... */
  id: string;
  family: PortalFamily;
  /** Site name as shown in the page header, e.g. "Cổng thông tin điện tử Quận 3". */
  siteName: string;
  /** Publishing unit. */
  unit: { name: string; level: string; province: string; gsoCode: string | null };
  /** Category the listing shows, e.g. "Cải cách hành chính". */
  category: string;
}

/** One demo article. */
export interface DemoArticle {
  /** Unique slug, also used in URLs. */
  slug: string;
  siteId: string;
  /** Numeric id used where the portal family needs one (SharePoint ItemID, WordPress ?p=, Liferay entry id). */
  itemId: number;
  /** ISO 8601 with +07:00. */
  publishedAt: string;
  category: string;
  title: string;
  /** Optional bold lead (sapo). */
  lead?: string;
  /** Body paragraphs, plain text (Vietnamese). */
  paragraphs: string[];
  author?: string;
  /** Report tables (keys of REPORT_TABLES in demo/reports/data.ts) printed in the body after the paragraphs. */
  tables?: string[];
  /** Attached reports linked from the body, generated from the same sample tables (file name decides the format). */
  attachments?: Array<{ file: string; title: string; tables: string[] }>;
}
