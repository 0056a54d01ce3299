import fs from 'node:fs';
import path from 'node:path';
import { defaultServiceRegistry } from '../workflow/service-registry';
import { DiagramRejectedError } from './deployment-error';
import { validateDiagram } from './diagram-validator';

/** `npm run lint:bpmn [dir…]`: runs the deployment checks on every .bpmn file of the directories (default bpmn/). */
async function main(dir: string): Promise<number> {
  let bad = 0;
  const knownServices = defaultServiceRegistry().names();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
    try {
      const { warnings } = await validateDiagram(fs.readFileSync(path.join(dir, file), 'utf8'), { knownServices });
      console.log(`ok   ${file}`);
      for (const w of warnings) console.log(`warn ${file}: [${w.rule}] ${w.elementId ?? ''} ${w.message}`);
    } catch (err) {
      bad++;
      const problems = err instanceof DiagramRejectedError ? err.problems : [{ rule: 'error', message: String(err) }];
      for (const p of problems) console.log(`FAIL ${file}: [${p.rule}] ${p.elementId ?? ''} ${p.message}`);
    }
  }
  return bad;
}

async function all(dirs: string[]): Promise<number> {
  let bad = 0;
  for (const dir of dirs) bad += await main(dir);
  return bad;
}

const dirs = process.argv.slice(2);
all(dirs.length ? dirs : ['bpmn']).then((bad) => process.exit(bad ? 1 : 0));
