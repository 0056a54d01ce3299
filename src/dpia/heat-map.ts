import { DpiaError, DpiaErrorCode } from './dpia-error';
import { assessRisk, IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVEL_LABELS, RiskAssessment, RiskLevel, RiskRating, SCALE_VALUES, scoreRating } from './risk-matrix';

/**
 * The risk heat map of a DPIA report as a standalone SVG document: the 4×4 matrix coloured by level, each
 * risk drawn before measures (open circle) and after (filled circle) with an arrow between them. Pure string
 * output, so the report renderer can embed it in HTML or convert it to an image.
 */

export interface HeatMapRisk {
  /** Short code drawn in the marker (at most 4 characters), e.g. "R1". */
  code: string;
  title: string;
  before: RiskRating;
  after?: RiskRating;
}

export interface HeatMapOptions {
  title?: string;
}

export const LEVEL_COLOURS: Record<RiskLevel, string> = { low: '#b7dfb0', medium: '#ffe08a', high: '#f4a3a3' };

const CELL_WIDTH = 110;
const CELL_HEIGHT = 80;
const LEFT = 130;
const TOP = 56;
const GRID_WIDTH = CELL_WIDTH * 4;
const GRID_HEIGHT = CELL_HEIGHT * 4;
const WIDTH = LEFT + GRID_WIDTH + 24;
const HEIGHT = TOP + GRID_HEIGHT + 120;
const RADIUS = 11;
const FONT = 'DejaVu Sans, Arial, sans-serif';

interface Marker {
  risk: HeatMapRisk;
  phase: 'before' | 'after';
  rating: RiskRating;
  x: number;
  y: number;
}

export function renderHeatMap(risks: readonly HeatMapRisk[], options: HeatMapOptions = {}): string {
  const assessed = validate(risks);
  const markers = placeMarkers(assessed);
  const title = options.title ?? 'Risico’s vóór en na maatregelen';

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(describe(assessed))}</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#37474f"/></marker></defs>',
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT + GRID_WIDTH / 2}" y="30" font-size="17" font-weight="bold" text-anchor="middle">${escapeXml(title)}</text>`,
  );

  for (const likelihood of SCALE_VALUES) {
    for (const impact of SCALE_VALUES) {
      const { level } = scoreRating({ likelihood, impact });
      const { x, y } = cellOrigin(likelihood, impact);
      parts.push(
        `<rect class="cell" data-likelihood="${likelihood}" data-impact="${impact}" data-level="${level}" x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${LEVEL_COLOURS[level]}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${x + 6}" y="${y + 14}" font-size="10" fill="#455a64">${RISK_LEVEL_LABELS[level]}</text>`,
      );
    }
  }

  // Axes: likelihood upwards, impact to the right.
  for (const value of SCALE_VALUES) {
    const rowMiddle = TOP + (4 - value) * CELL_HEIGHT + CELL_HEIGHT / 2;
    parts.push(`<text x="${LEFT - 8}" y="${rowMiddle + 4}" font-size="11" text-anchor="end">${value} ${escapeXml(LIKELIHOOD_LABELS[value])}</text>`);
    const columnMiddle = LEFT + (value - 1) * CELL_WIDTH + CELL_WIDTH / 2;
    parts.push(`<text x="${columnMiddle}" y="${TOP + GRID_HEIGHT + 18}" font-size="11" text-anchor="middle">${value} ${escapeXml(IMPACT_LABELS[value])}</text>`);
  }
  parts.push(
    `<text x="${LEFT + GRID_WIDTH / 2}" y="${TOP + GRID_HEIGHT + 40}" font-size="13" font-weight="bold" text-anchor="middle">Impact</text>`,
    `<text x="18" y="${TOP + GRID_HEIGHT / 2}" font-size="13" font-weight="bold" text-anchor="middle" transform="rotate(-90 18 ${TOP + GRID_HEIGHT / 2})">Kans</text>`,
  );

  // Arrows under the markers, so the codes stay readable.
  for (const before of markers.filter((marker) => marker.phase === 'before')) {
    const after = markers.find((marker) => marker.phase === 'after' && marker.risk === before.risk);
    // Unchanged by measures: both markers share the cell, an arrow would only clutter it.
    if (!after || (after.rating.likelihood === before.rating.likelihood && after.rating.impact === before.rating.impact)) continue;
    const dx = after.x - before.x;
    const dy = after.y - before.y;
    const length = Math.hypot(dx, dy);
    if (length <= 2 * RADIUS) continue;
    const ux = dx / length;
    const uy = dy / length;
    parts.push(
      `<line class="movement" data-risk="${escapeXml(before.risk.code)}" x1="${round(before.x + ux * RADIUS)}" y1="${round(before.y + uy * RADIUS)}" x2="${round(after.x - ux * (RADIUS + 1))}" y2="${round(after.y - uy * (RADIUS + 1))}" stroke="#37474f" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  }
  for (const marker of markers) {
    const filled = marker.phase === 'after';
    parts.push(
      `<g class="marker" data-risk="${escapeXml(marker.risk.code)}" data-phase="${marker.phase}" data-likelihood="${marker.rating.likelihood}" data-impact="${marker.rating.impact}">` +
        `<circle cx="${round(marker.x)}" cy="${round(marker.y)}" r="${RADIUS}" fill="${filled ? '#263238' : '#ffffff'}" stroke="#263238" stroke-width="1.5"${filled ? '' : ' stroke-dasharray="3 2"'}/>` +
        `<text x="${round(marker.x)}" y="${round(marker.y + 3.5)}" font-size="9" font-weight="bold" text-anchor="middle" fill="${filled ? '#ffffff' : '#263238'}">${escapeXml(marker.risk.code)}</text>` +
        '</g>',
    );
  }

  // Legend.
  const legendY = TOP + GRID_HEIGHT + 70;
  parts.push(
    `<circle cx="${LEFT + 10}" cy="${legendY}" r="8" fill="#ffffff" stroke="#263238" stroke-width="1.5" stroke-dasharray="3 2"/>`,
    `<text x="${LEFT + 24}" y="${legendY + 4}" font-size="11">vóór maatregelen</text>`,
    `<circle cx="${LEFT + 150}" cy="${legendY}" r="8" fill="#263238"/>`,
    `<text x="${LEFT + 164}" y="${legendY + 4}" font-size="11">na maatregelen</text>`,
  );
  (['low', 'medium', 'high'] as const).forEach((level, index) => {
    const x = LEFT + 280 + index * 62;
    parts.push(
      `<rect x="${x}" y="${legendY - 7}" width="14" height="14" fill="${LEVEL_COLOURS[level]}"/>`,
      `<text x="${x + 18}" y="${legendY + 4}" font-size="11">${RISK_LEVEL_LABELS[level]}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Top-left corner of a cell; likelihood 4 is the top row. */
export function cellOrigin(likelihood: number, impact: number): { x: number; y: number } {
  return { x: LEFT + (impact - 1) * CELL_WIDTH, y: TOP + (4 - likelihood) * CELL_HEIGHT };
}

export const HEAT_MAP_CELL = { width: CELL_WIDTH, height: CELL_HEIGHT } as const;

function validate(risks: readonly HeatMapRisk[]): Array<{ risk: HeatMapRisk; assessment: RiskAssessment }> {
  const codes = new Set<string>();
  return risks.map((risk, index) => {
    const code = risk?.code;
    if (typeof code !== 'string' || code.trim() === '' || code.length > 4) {
      throw new DpiaError(DpiaErrorCode.HEAT_MAP_INVALID_RISK, 'a risk code has 1 to 4 characters', { index, code });
    }
    if (codes.has(code)) throw new DpiaError(DpiaErrorCode.HEAT_MAP_INVALID_RISK, `risk code ${code} is used twice`, { index, code });
    codes.add(code);
    if (typeof risk.title !== 'string' || risk.title.trim() === '') {
      throw new DpiaError(DpiaErrorCode.HEAT_MAP_INVALID_RISK, `risk ${code} needs a title`, { index, code });
    }
    return { risk, assessment: assessRisk({ before: risk.before, after: risk.after }) };
  });
}

/** Markers of one cell share it in rows of three, in the order of the risks. */
function placeMarkers(assessed: Array<{ risk: HeatMapRisk; assessment: RiskAssessment }>): Marker[] {
  const byCell = new Map<string, Array<Omit<Marker, 'x' | 'y'>>>();
  for (const { risk, assessment } of assessed) {
    const entries: Array<Omit<Marker, 'x' | 'y'>> = [{ risk, phase: 'before', rating: assessment.before }];
    if (assessment.measuresAssessed) entries.push({ risk, phase: 'after', rating: assessment.after });
    for (const entry of entries) {
      const key = `${entry.rating.likelihood}:${entry.rating.impact}`;
      byCell.set(key, [...(byCell.get(key) ?? []), entry]);
    }
  }
  const markers: Marker[] = [];
  for (const entries of byCell.values()) {
    const columns = Math.min(entries.length, 3);
    const rows = Math.ceil(entries.length / 3);
    const dx = 30;
    // Up to two rows sit below the cell's level label; more rows use the full height (12 px margin top and bottom).
    const middle = rows <= 2 ? CELL_HEIGHT / 2 + 4 : CELL_HEIGHT / 2;
    const dy = rows <= 2 ? 26 : (CELL_HEIGHT - 2 * (RADIUS + 1)) / (rows - 1);
    entries.forEach((entry, index) => {
      const { x, y } = cellOrigin(entry.rating.likelihood, entry.rating.impact);
      const row = Math.floor(index / 3);
      const inRow = row === rows - 1 ? entries.length - row * 3 : columns;
      const column = index % 3;
      markers.push({
        ...entry,
        x: x + CELL_WIDTH / 2 + (column - (inRow - 1) / 2) * dx,
        y: y + middle + (row - (rows - 1) / 2) * dy,
      });
    });
  }
  return markers;
}

function describe(assessed: Array<{ risk: HeatMapRisk; assessment: RiskAssessment }>): string {
  if (assessed.length === 0) return 'Geen risico’s vastgelegd.';
  return assessed
    .map(({ risk, assessment }) => {
      const rating = (scored: RiskAssessment['before']) =>
        `${RISK_LEVEL_LABELS[scored.level]} (kans ${scored.likelihood}, impact ${scored.impact})`;
      const after = assessment.measuresAssessed ? `, na maatregelen ${rating(assessment.after)}` : ', maatregelen nog niet beoordeeld';
      return `${risk.code} ${risk.title}: vóór maatregelen ${rating(assessment.before)}${after}.`;
    })
    .join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
