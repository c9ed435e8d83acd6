/** An ORM over a test database that records every SQL statement it sends, as MikroORM logs it. */
import { initOrm, type Orm } from '../../src/db/orm';

/** ANSI colour codes, which MikroORM adds when the environment forces colours. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');

/** The ORM and the statements it has sent so far (clear the array to start counting). */
export async function initStatementLoggingOrm(url: string): Promise<{ orm: Orm; statements: string[] }> {
  const statements: string[] = [];
  const orm = await initOrm(url, undefined, {
    debug: ['query'],
    logger: (message: string) => {
      const plain = message.replace(ANSI, '');
      if (plain.startsWith('[query]')) statements.push(plain);
    },
  });
  return { orm, statements };
}
