import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DpiaReportRenderer } from '../../../src/dpia/dpia-report';
import { TemplateError } from '../../../src/documents/template-requirements';
import { LetterRenderer } from '../../../src/dsr/letters/letter-renderer';

const repositoryTemplates = path.resolve(__dirname, '../../../templates');

/** A municipality's own copy of a template folder, with some files changed or removed. */
function ownCopy(kind: 'dsr' | 'dpia', change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `templates-${kind}-`));
  fs.cpSync(path.join(repositoryTemplates, kind), dir, { recursive: true });
  change(dir);
  return dir;
}

const edit = (file: string, from: string | RegExp, to: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));

function refusal(make: () => unknown): TemplateError {
  try {
    make();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the templates were accepted');
}

describe('a municipality\'s own templates are checked when the platform starts', () => {
  it('accepts the repository\'s own letters and report', () => {
    expect(() => new LetterRenderer(path.join(repositoryTemplates, 'dsr'))).not.toThrow();
    expect(() => new DpiaReportRenderer(path.join(repositoryTemplates, 'dpia'))).not.toThrow();
  });

  it('refuses letters that lose what the law attaches consequences to, naming every problem at once', () => {
    const dir = ownCopy('dsr', (d) => {
      edit(path.join(d, 'decision.md'), /\{\{objectionDeadline\}\}/g, '6 weken');
      edit(path.join(d, 'extension.md'), /\{\{reasonText\}\}/g, '');
      edit(path.join(d, 'withdrawal.md'), '{{#postalAddress}}', '{{#postalAddress}}{{#unclosed}}');
      fs.rmSync(path.join(d, 'repair.md'));
    });
    const error = refusal(() => new LetterRenderer(dir));
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.problems).toEqual([
      { template: 'repair', error: expect.stringContaining('ENOENT') },
      { template: 'extension', missing: ['reasonText'] },
      { template: 'decision', missing: ['objectionDeadline'] },
      { template: 'withdrawal', error: expect.stringContaining('Unclosed section "unclosed"') },
    ]);
    expect(error.message).toContain('decision.md: lacks {{objectionDeadline}}');
  });

  it('refuses a DPIA report without the heat map or the risk register', () => {
    const dir = ownCopy('dpia', (d) => {
      edit(path.join(d, 'report.md'), '![Heatmap van de risico’s](heatmap.svg)', '');
      edit(path.join(d, 'report.md'), /\{\{#risks\}\}[\s\S]*?\{\{\/risks\}\}/, '');
    });
    expect(refusal(() => new DpiaReportRenderer(dir)).problems).toEqual([{ template: 'report', missing: ['risks', 'heatmap.svg'] }]);
  });
});
