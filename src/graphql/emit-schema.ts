import fs from 'node:fs';
import path from 'node:path';
import { printApiSchema } from './schema';

/** `npm run schema`: rewrites schema/schema.graphql from the resolvers. */
printApiSchema().then((sdl) => {
  const file = path.resolve(process.cwd(), 'schema/schema.graphql');
  fs.writeFileSync(file, sdl);
  process.stdout.write(`wrote ${file}\n`);
});
