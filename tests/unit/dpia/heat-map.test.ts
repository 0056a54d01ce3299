import { DpiaErrorCode } from '../../../src/dpia/dpia-error';
import { cellOrigin, HEAT_MAP_CELL, HeatMapRisk, LEVEL_COLOURS, renderHeatMap } from '../../../src/dpia/heat-map';
import { matrixLevels } from '../../../src/dpia/risk-matrix';

const risks: HeatMapRisk[] = [
  { code: 'R1', title: 'Onbevoegde toegang tot Wmo-dossiers', before: { likelihood: 3, impact: 4 }, after: { likelihood: 1, impact: 4 } },
  { code: 'R2', title: 'Te lange bewaring', before: { likelihood: 4, impact: 2 }, after: { likelihood: 2, impact: 2 } },
  { code: 'R3', title: 'Koppeling met <BRP> & "derden"', before: { likelihood: 3, impact: 4 }, after: { likelihood: 3, impact: 4 } },
  { code: 'R4', title: 'Profilering zonder waarborg', before: { likelihood: 4, impact: 4 } },
];

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

/** Elements must nest and close, and text may hold no raw markup characters: enough for our generated SVG. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const token of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, , selfClosing, text] = token;
    if (text !== undefined) {
      expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    } else if (closing) {
      expect(stack.pop()).toBe(name);
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  expect(stack).toEqual([]);
}

function markers(svg: string) {
  return [...svg.matchAll(/<g class="marker"([^>]*)><circle([^>]*)\/>/g)].map((match) => {
    const group = attributes(match[1]);
    const circle = attributes(match[2]);
    return { risk: group['data-risk'], phase: group['data-phase'], likelihood: Number(group['data-likelihood']), impact: Number(group['data-impact']), cx: Number(circle.cx), cy: Number(circle.cy), r: Number(circle.r) };
  });
}

function insideCell(marker: ReturnType<typeof markers>[number]): boolean {
  const { x, y } = cellOrigin(marker.likelihood, marker.impact);
  return marker.cx - marker.r >= x && marker.cx + marker.r <= x + HEAT_MAP_CELL.width && marker.cy - marker.r >= y && marker.cy + marker.r <= y + HEAT_MAP_CELL.height;
}

describe('the DPIA heat map (SVG)', () => {
  const svg = renderHeatMap(risks);

  it('is a well-formed standalone SVG document with a Dutch title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expectWellFormed(svg);
    expect(svg).toContain('<title>Risico’s vóór en na maatregelen</title>');
    expect(svg).toContain('>Kans</text>');
    expect(svg).toContain('>Impact</text>');
  });

  it('colours all sixteen cells by the level of the matrix', () => {
    const cells = [...svg.matchAll(/<rect class="cell"([^>]*)\/>/g)].map((match) => attributes(match[1]));
    expect(cells).toHaveLength(16);
    const levels = matrixLevels();
    for (const cell of cells) {
      const level = levels[Number(cell['data-likelihood']) - 1][Number(cell['data-impact']) - 1];
      expect(cell['data-level']).toBe(level);
      expect(cell.fill).toBe(LEVEL_COLOURS[level]);
    }
  });

  it('draws each risk before measures, and after them when assessed, inside the cell of its rating', () => {
    const drawn = markers(svg);
    expect(drawn.map((marker) => `${marker.risk}:${marker.phase}:${marker.likelihood}${marker.impact}`)).toEqual(
      expect.arrayContaining(['R1:before:34', 'R1:after:14', 'R2:before:42', 'R2:after:22', 'R3:before:34', 'R3:after:34', 'R4:before:44']),
    );
    expect(drawn).toHaveLength(7);
    for (const marker of drawn) expect(insideCell(marker)).toBe(true);
  });

  it('keeps markers that share a cell apart', () => {
    const shared = markers(svg).filter((marker) => marker.likelihood === 3 && marker.impact === 4);
    expect(shared).toHaveLength(3);
    const positions = new Set(shared.map((marker) => `${marker.cx},${marker.cy}`));
    expect(positions.size).toBe(3);
  });

  it('draws an arrow only for risks that measures moved', () => {
    const arrows = [...svg.matchAll(/<line class="movement" data-risk="([^"]+)"/g)].map((match) => match[1]);
    expect(arrows.sort()).toEqual(['R1', 'R2']);
  });

  it('escapes risk titles in the description', () => {
    expect(svg).toContain('R3 Koppeling met &lt;BRP&gt; &amp; &quot;derden&quot;: vóór maatregelen Hoog (kans 3, impact 4), na maatregelen Hoog (kans 3, impact 4).');
    expect(svg).toContain('R4 Profilering zonder waarborg: vóór maatregelen Hoog (kans 4, impact 4), maatregelen nog niet beoordeeld.');
    expect(svg).not.toContain('<BRP>');
  });

  it('keeps nine markers in one cell inside that cell', () => {
    const crowded = Array.from({ length: 9 }, (_, index) => ({ code: `R${index + 1}`, title: `Risico ${index + 1}`, before: { likelihood: 2 as const, impact: 3 as const } }));
    const drawn = markers(renderHeatMap(crowded));
    expect(drawn).toHaveLength(9);
    for (const marker of drawn) expect(insideCell(marker)).toBe(true);
    expect(new Set(drawn.map((marker) => `${marker.cx},${marker.cy}`)).size).toBe(9);
  });

  it('renders an empty register as the bare matrix', () => {
    const empty = renderHeatMap([], { title: 'DPIA Wmo & Jeugd' });
    expectWellFormed(empty);
    expect(markers(empty)).toEqual([]);
    expect(empty).toContain('<title>DPIA Wmo &amp; Jeugd</title>');
    expect(empty).toContain('<desc>Geen risico’s vastgelegd.</desc>');
  });

  it.each<[string, HeatMapRisk[], DpiaErrorCode]>([
    ['a code used twice', [risks[0], { ...risks[1], code: 'R1' }], DpiaErrorCode.HEAT_MAP_INVALID_RISK],
    ['a code too long to fit the marker', [{ ...risks[0], code: 'RISK1' }], DpiaErrorCode.HEAT_MAP_INVALID_RISK],
    ['an empty code', [{ ...risks[0], code: ' ' }], DpiaErrorCode.HEAT_MAP_INVALID_RISK],
    ['a risk without a title', [{ ...risks[0], title: '' }], DpiaErrorCode.HEAT_MAP_INVALID_RISK],
    ['a rating off the scale', [{ ...risks[0], before: { likelihood: 5 as never, impact: 1 } }], DpiaErrorCode.INVALID_SCALE_VALUE],
    ['a risk raised by its measures', [{ ...risks[0], after: { likelihood: 4, impact: 4 } }], DpiaErrorCode.RESIDUAL_ABOVE_INHERENT],
  ])('refuses %s', (_what, input, code) => {
    expect(() => renderHeatMap(input)).toThrow(expect.objectContaining({ code }));
  });
});
