/** Child process for bench:ingest: serves N synthetic articles per site and prints the origin as one JSON line. */
import { startMirror } from '../demo/mirror';
import { syntheticContent } from './synthetic-content';

const perSite = Number(process.argv[2] ?? 1000);
const content = syntheticContent(perSite);
startMirror({ ...content, pageSize: 50 }).then((mirror) => {
  process.stdout.write(`${JSON.stringify({ origin: mirror.origin, articles: content.articles.length })}\n`);
});
