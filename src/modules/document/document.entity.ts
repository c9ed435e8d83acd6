import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Source } from '../source/source.entity';

/** One fetched article page: metadata, the raw page (gzip) and its cleaned text. */
@ObjectType({ description: 'An article page cchc-atlas read figures from', simpleResolvers: true })
@Entity({ tableName: 'document' })
@Index({ properties: ['source', 'publishedAt'] })
@Index({ name: 'document_source_content_hash_idx', properties: ['source', 'contentHash'] })
export class Document {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Canonical URL; one article under two URLs is one document' })
  @Property({ type: 'string', length: 2000, unique: true })
  url!: string;

  @ManyToOne(() => Source, { ref: true })
  source!: Ref<Source>;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  category?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  fetchedAt!: Date;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  httpStatus!: number;

  @Property({ type: 'string', length: 300, nullable: true })
  etag?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  lastModified?: string | null;

  /** sha256 of the cleaned text: a page whose text did not change is not re-extracted. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** The raw page as fetched (decoded, NFC), gzip-compressed. */
  @Property({ type: 'blob', lazy: true })
  rawHtmlGz!: Buffer;

  @Field(() => String, { nullable: true, description: 'Media type of an attached report (application/pdf, …); null for a portal page' })
  @Property({ type: 'string', length: 120, nullable: true })
  contentType?: string | null;

  /** For an attached report: the article page that links it. */
  @ManyToOne(() => Document, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  linkedFrom?: Ref<Document> | null;

  @Field({ description: 'Cleaned article text that evidence offsets refer to' })
  @Property({ type: 'text' })
  text!: string;

  @Field()
  @Property({ type: 'string', length: 20 })
  extractorVersion!: string;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
