import fs from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the resolvers produce (run `npm run schema` after changing them)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printApiSchema());
  });
});
