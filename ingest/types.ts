/**
 * Plain data shapes shared by the ingestion stages (fetch → parse → extract → store). Imports nothing.
 *
 * Public surface: every export. These are the contracts between the fetcher, the portal adapters, the
 * extraction engine and the store; change them deliberately.
 */

/** A page as the fetcher returns it: already decoded to a JS string and normalised to NFC. */
export interface FetchedPage {
  /** URL that was requested. */
  url: string;
  /** URL after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** Decoded, NFC-normalised body ('' for 304). */
  body: string;
  /** Charset the body was decoded from (e.g. 'utf-8', 'windows-1258'). */
  charset: string;
  etag: string | null;
  lastModified: string | null;
  /** true for a 304 answer to a conditional GET. */
  notModified: boolean;
  fetchedAt: Date;
}

/** A listing page turned into article links. */
export interface ParsedListing {
  /** Absolute, canonical article URLs in page order (newest first on every family we know). */
  articleUrls: string[];
  /** Absolute URL of the next listing page, or null on the last page. */
  nextPageUrl: string | null;
}

/** An article page turned into metadata and clean text. */
export interface ParsedArticle {
  canonicalUrl: string;
  title: string;
  /** Publication instant (portals publish in Asia/Ho_Chi_Minh, UTC+7); null when the page gives none. */
  publishedAt: Date | null;
  category: string | null;
  /** Clean body text: paragraphs separated by blank lines; no counters, related lists, comment forms, repeated leads. */
  text: string;
}

export type FigureUnit = 'percent' | 'count' | 'score' | 'rank' | 'day';
export type FigureKind = 'actual' | 'target';
export type Comparator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt';

/** The period a figure is about. Months are 1-12; both null means the whole year. */
export interface FigurePeriod {
  year: number | null;
  fromMonth: number | null;
  toMonth: number | null;
  /** Human label as the text gave it, e.g. "9 tháng năm 2018", "năm 2021". */
  label: string;
}

/**
 * Scopes whose figures are the unit's own: the unit itself and its whole area, every tier together ("toàn tỉnh",
 * "toàn huyện"). `compare`, `timeSeries` and `figureStats` choose among these (src/modules/figure/figure-sql.ts), and
 * the real-text scorer takes them alike (ingest/extract/real-eval.ts). The database's `figure_pick_*` functions
 * (Migration20261204210542) spell the same list in SQL.
 */
export const OWN_SUBJECT_SCOPES: ReadonlyArray<FigureSubject['scope']> = ['unit', 'province_wide'];

/** Whom a figure is about. `scope: 'subunits'` means the units below the named one ("100% TTHC phường"). */
export interface FigureSubject {
  /** Name as resolved (gazetteer name when the resolver knew it, otherwise the mention). */
  name: string;
  /** Gazetteer id from the resolver, or null when unresolved. */
  unitId: string | null;
  scope: 'unit' | 'subunits' | 'province_wide' | 'departments';
  /** Level of the sub-units for scope 'subunits', e.g. 'phuong', 'xa'. */
  subunitLevel: string | null;
  /** true when the text named the subject; false when it defaulted to the publishing unit. */
  explicit: boolean;
  /**
   * Set (true) when the engine chose between readings the text does not tell apart ("cấp huyện, cấp xã tiếp nhận …" is
   * both levels); absent otherwise. The confidence model's `subject_uncertain` input; it travels with the subject.
   */
  uncertain?: true;
}

export interface FigureEvidence {
  /** The sentence the figure was read from, exactly as in the input text (after normalisation). */
  sentence: string;
  /** Character offsets of the sentence in the normalised text, [start, end). */
  start: number;
  end: number;
  /** Offsets of the number itself in the normalised text, [start, end). */
  numberStart: number;
  numberEnd: number;
}

export interface ExtractedFigure {
  /** Metric code from the catalogue (src/modules/metric/metric-catalogue.ts). */
  metric: string;
  value: number;
  /** For ratios stated as X/Y: Y. */
  total: number | null;
  /** For ranges ("20 - 30%"): the upper end; `value` is the lower end. */
  upperBound: number | null;
  unit: FigureUnit;
  kind: FigureKind;
  comparator: Comparator;
  approximate: boolean;
  /** true when the number is a difference ("tăng 28 thủ tục so với năm 2017"), not a level. */
  change: boolean;
  baselineYear: number | null;
  period: FigurePeriod;
  subject: FigureSubject;
  evidence: FigureEvidence;
  /** 0..1, how sure the engine is of metric and value. */
  confidence: number;
  /** For a figure read from a table cell: which table, row and column (absent for prose figures). */
  cell?: TableCellRef;
  /** Set when the figure failed a consistency check of its table (row sums, đúng hạn + trễ hạn, rate vs counts). */
  checkReason?: string;
}

/** Where in a table a figure was read: the citation of a table cell. */
export interface TableCellRef {
  /** 1-based position of the table in its document (HTML order, or sheets / pages in order for attachments). */
  tableIndex: number;
  /** The table's caption or the heading above it ("Bảng 2: Kết quả xếp hạng…"), when it has one. */
  caption: string | null;
  /** The row's label cell as printed ("UBND Phường 4", "Tổng cộng"). */
  rowLabel: string;
  /** The column's header as printed; stacked header rows are joined with " / " ("Hồ sơ / Đúng hạn"). */
  columnHeader: string;
  /** 1-based page of a PDF, null elsewhere. */
  page: number | null;
  /** 0-based row and column of the cell in the resolved grid (colspan / rowspan expanded). */
  row: number;
  column: number;
}

/** A number the engine saw and did not keep, with why (for inspection and tuning). */
export interface DroppedCandidate {
  text: string;
  start: number;
  end: number;
  reason: string;
}

export interface ExtractionResult {
  figures: ExtractedFigure[];
  dropped: DroppedCandidate[];
  /** The normalised text all offsets refer to. */
  text: string;
  extractorVersion: string;
}

/** A unit the resolver found for a mention. */
export interface ResolvedUnit {
  id: string;
  name: string;
  level: string;
}

/**
 * How the pure extraction engine asks about administrative units without touching a database:
 * production passes the gazetteer, tests pass a small table.
 */
export interface SubjectResolver {
  /**
   * Resolve a mention such as "quận Bình Thạnh", "Q.11", "phường Sông Cầu"; `near` is the publishing unit, `on` the
   * publication date (a 2019 "Quận 9" is the district dissolved in 2021, not a later unit of that name).
   */
  resolve(mention: string, near: ResolvedUnit | null, on?: Date | null): ResolvedUnit | null;
  /**
   * The province (or centrally run city) the publisher belongs to, when the resolver holds its tree: on a district's or
   * a commune's page, "Sở Tài chính" is that province's department. Optional: a resolver without a tree omits it.
   */
  publisherProvince?(): ResolvedUnit | null;
}

export interface ExtractionContext {
  /** Publication date (the period of "11 tháng qua", "tính đến nay" and the default year come from it). */
  publishedAt: Date | null;
  /** The publishing unit: the default subject of every figure. */
  publisher: ResolvedUnit | null;
  title?: string | null;
  resolver?: SubjectResolver;
}
